#!ipxe
<#--
  ipxe/coreos: installs a Fedora CoreOS host (os.family Fcos) that is in build mode, as Fedora's
  "Live ISO and PXE image reference" describes: iPXE boots the live kernel and initramfs, the live
  system fetches its root file system (coreos.live.rootfs_url), and coreos-installer writes Fedora
  CoreOS to disk with the host's Ignition config (ignition/coreos, served at url("ignition")).

  The files are found below the host's medium, the build folder, e.g.
  https://builds.coreos.fedoraproject.org/prod/streams/stable/builds/39.20240112.3.0/x86_64
  named after the OS version as Foreman names them (os.major 39, os.minor 20240112.3.0):
    fedora-coreos-<version>-live-kernel-<arch>, -live-initramfs.<arch>.img, -live-rootfs.<arch>.img

  Host parameters it reads (all optional):
    kernel_url, initrd_url, rootfs_url  the three files from elsewhere (e.g. bootproxy's /pub/)
    coreos_install_dev                  the disk to install to (default /dev/sda)
    coreos_live                         "true": run Fedora CoreOS from RAM with the Ignition config
                                        (ignition.firstboot ignition.platform.id=metal
                                        ignition.config.url=…) instead of installing it
    kernelcmd                           extra kernel arguments, e.g. "console=ttyS0"

  The live image needs 2 GiB of RAM with coreos.live.rootfs_url (Fedora's figure).
-->
<#import "/snippets/installer.ftl" as installer>
<#assign files = "/fedora-coreos-" + os.version + "-live-">
<#assign kernel = installer.boot_file("kernel_url", files + "kernel-" + os.arch)>
<#assign initrd = installer.boot_file("initrd_url", files + "initramfs." + os.arch + ".img")>
<#assign rootfs = installer.boot_file("rootfs_url", files + "rootfs." + os.arch + ".img")>
<#assign config = url("ignition")>
<#if (params.coreos_live!"false") == "true">
echo bootproxy: running [=host.name] (Fedora CoreOS [=os.version]) from RAM with its Ignition config
kernel [=kernel] initrd=main coreos.live.rootfs_url=[=rootfs] ignition.firstboot ignition.platform.id=metal ignition.config.url=[=config] [=installer.dracut_network()] [=installer.extra_args()]|| goto failed
<#else>
echo bootproxy: installing [=host.name] (Fedora CoreOS [=os.version]) to [=params.coreos_install_dev!"/dev/sda"]
kernel [=kernel] initrd=main coreos.live.rootfs_url=[=rootfs] coreos.inst.install_dev=[=params.coreos_install_dev!"/dev/sda"] coreos.inst.ignition_url=[=config] [=installer.dracut_network()] [=installer.extra_args()]|| goto failed
</#if>
initrd --name main [=initrd] || goto failed
boot || goto failed

<@installer.failed kernel initrd/>
