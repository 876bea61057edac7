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
<#assign arch = installer.debian_arch()>
<#assign flavour = (os.name?lower_case == "ubuntu")?then("ubuntu-installer", "debian-installer")>
<#assign netboot = "/dists/" + installer.release() + "/main/installer-" + arch + "/current/images/netboot/" + flavour + "/" + arch>
<#assign kernel = installer.boot_file("kernel_url", netboot + "/linux")>
<#assign initrd = installer.boot_file("initrd_url", netboot + "/initrd.gz")>
echo bootproxy: installing [=host.name] ([=os.name] [=os.version]) with a preseed file
kernel [=kernel] initrd=initrd.gz auto=true priority=critical url=[=url("provision")] interface=auto hostname=[=host.shortname] domain=[=host.domain] locale=[=params.locale!"en_US.UTF-8"] keymap=[=params.keymap!"us"] [=installer.debian_network()][=installer.extra_args()]BOOTIF=01-${netX/mac:hexhyp} || goto failed
initrd --name initrd.gz [=initrd] || goto failed
boot || goto failed

<@installer.failed kernel initrd/>
