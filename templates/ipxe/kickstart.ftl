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
<#assign kernel = installer.boot_file("kernel_url", "/images/pxeboot/vmlinuz")>
<#assign initrd = installer.boot_file("initrd_url", "/images/pxeboot/initrd.img")>
<#assign ks = installer.major_before(8)?then("ks", "inst.ks")>
echo bootproxy: installing [=host.name] ([=os.name] [=os.version]) with a kickstart
kernel [=kernel] initrd=initrd.img [=installer.extra_args()][=ks]=[=url("provision")] inst.ks.sendmac BOOTIF=01-${netX/mac:hexhyp} [=installer.dracut_network()] || goto failed
initrd --name initrd.img [=initrd] || goto failed
boot || goto failed

<@installer.failed kernel initrd/>
