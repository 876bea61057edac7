<#--
  grub2/autoinstall: the GRUB2 config of an Ubuntu host in build (20.04 and later, Subiquity) on a UEFI machine
  that network-boots GRUB2. GRUB loads the live server's kernel and initrd as ipxe/autoinstall does, with the
  same arguments (snippets/installer.ftl); the ";" of ds=nocloud-net;s=… is quoted for GRUB.
  Host parameters it reads (all optional): iso_url, kernel_url, initrd_url, kernelcmd, blacklist (as
  ipxe/autoinstall), grub_transport, grub_timeout, local_efi_loader.
-->
<#import "/snippets/installer.ftl" as installer>
<#import "/snippets/grub2.ftl" as grub2>
<@grub2.install "Install " + host.name + " (" + os.name + " " + os.version + ", autoinstall)" installer.autoinstall(grub2.bootif())/>
