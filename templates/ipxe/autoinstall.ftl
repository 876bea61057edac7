#!ipxe
<#--
  ipxe/autoinstall: installs an Ubuntu host (20.04 and later, Subiquity) that is in build mode.
  iPXE boots the live server's kernel and initrd (casper/ on the medium); casper downloads the
  whole ISO into memory, and the installer reads its autoinstall answers from bootproxy as a
  cloud-init NoCloud seed: <seed>/user-data (provision/autoinstall-user-data) and
  <seed>/meta-data (built by bootproxy with Foreman's keys).

  Host parameters it reads:
    iso_url     the live-server ISO casper downloads, e.g.
                http://mirror/ubuntu-24.04-live-server-amd64.iso. Without it there is no url=
                and casper looks for the live system on local media (a BMC's virtual CD-ROM).
    kernel_url  kernel to boot instead of <medium>/casper/vmlinuz
    initrd_url  initrd to load instead of <medium>/casper/initrd
    kernelcmd   extra kernel arguments, e.g. "console=ttyS0"
    blacklist   kernel modules the installer must not load, comma separated

  Kernel arguments:
    ip=dhcp url=<iso>            casper's network and the ISO it loads (url= only with iso_url)
    autoinstall                  install without asking "Continue with autoinstall?"
    ds=nocloud-net;s=<seed>/     cloud-init's NoCloud seed (the URL ends in "/"; the ";" is fine
                                 on an iPXE kernel line, only GRUB would need it escaped)
    cloud-config-url=/dev/null   stops cloud-init from also reading url= (the ISO) as its config
-->
<#import "/snippets/installer.ftl" as installer>
<#assign i = installer.autoinstall("01-${netX/mac:hexhyp}")>
echo bootproxy: installing [=host.name] ([=os.name] [=os.version]) with autoinstall
kernel [=i.kernel] initrd=initrd [=i.args] || goto failed
initrd --name initrd [=i.initrd] || goto failed
boot || goto failed

<@installer.failed i.kernel i.initrd/>
