#!ipxe
<#--
  ipxe/kickstart: installs a Red Hat family host (AlmaLinux, Rocky, RHEL, CentOS Stream, Fedora)
  that is in build mode. iPXE fetches the installer's kernel and initrd over HTTP and boots them;
  Anaconda then fetches its kickstart (provision/kickstart) from bootproxy's provision URL.

  Host parameters it reads (all optional):
    kernel_url  kernel to boot instead of <medium>/images/pxeboot/vmlinuz
    initrd_url  initrd to load instead of <medium>/images/pxeboot/initrd.img
    kernelcmd   extra kernel arguments, e.g. "console=ttyS0 inst.text"
    blacklist   kernel modules the installer must not load, comma separated

  Kernel arguments:
    initrd=initrd.img    the name iPXE gives the initrd (needed by UEFI kernels)
    inst.ks=<url>        where the kickstart is; "ks=" before EL 8 (EL 9 reads only inst.ks=)
    inst.ks.sendmac      Anaconda sends the MACs as X-RHN-Provisioning-MAC-N headers
    BOOTIF=01-…          the NIC iPXE booted from (${netX/…} is the NIC iPXE opened last)
    ip=dhcp              or a static ip=… when the host's subnet is static
-->
<#import "/snippets/installer.ftl" as installer>
<#assign i = installer.kickstart("01-${netX/mac:hexhyp}")>
echo bootproxy: installing [=host.name] ([=os.name] [=os.version]) with a kickstart
kernel [=i.kernel] initrd=initrd.img [=i.args] || goto failed
initrd --name initrd.img [=i.initrd] || goto failed
boot || goto failed

<@installer.failed i.kernel i.initrd/>
