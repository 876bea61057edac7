#!ipxe
<#--
  ipxe/preseed: installs a Debian host (or an Ubuntu release that still has the Debian installer)
  that is in build mode. iPXE boots the netboot installer from the host's mirror (medium);
  the installer then fetches its answers (provision/preseed) from bootproxy's provision URL.

  Host parameters it reads (all optional):
    kernel_url  kernel to boot instead of the mirror's netboot "linux"
    initrd_url  initrd to load instead of the mirror's netboot "initrd.gz"
    kernelcmd   extra kernel arguments, e.g. "console=ttyS0"
    blacklist   kernel modules the installer must not load, comma separated
    locale      e.g. en_US.UTF-8 (default)      keymap   e.g. us (default)

  Kernel arguments:
    auto=true priority=critical   answer everything from the preseed file, ask nothing
    url=<url>                     where the preseed file is
    interface=auto                the installer picks the NIC with a link
    hostname= domain=             needed before the preseed file is read
    BOOTIF=01-…                   the NIC iPXE booted from
    netcfg/…                      static address when the host's subnet is static; its name
                                  servers whenever they are known (DHCP too)
-->
<#import "/snippets/installer.ftl" as installer>
<#assign i = installer.preseed("01-${netX/mac:hexhyp}")>
echo bootproxy: installing [=host.name] ([=os.name] [=os.version]) with a preseed file
kernel [=i.kernel] initrd=initrd.gz [=i.args] || goto failed
initrd --name initrd.gz [=i.initrd] || goto failed
boot || goto failed

<@installer.failed i.kernel i.initrd/>
