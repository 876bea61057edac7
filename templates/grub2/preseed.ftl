<#--
  grub2/preseed: the GRUB2 config of a Debian host in build on a UEFI machine that network-boots GRUB2. GRUB
  loads the same netboot installer ipxe/preseed boots, with the same arguments (snippets/installer.ftl); the
  installer then fetches its answers (provision/preseed) from bootproxy.

  Debian's signed GRUB has no http module: with it, keep the kernel and initrd in bootproxy's /pub/ folder
  (kernel_url, initrd_url), which GRUB reads over TFTP (snippets/grub2.ftl `path`).
  Host parameters it reads (all optional): kernel_url, initrd_url, kernelcmd, blacklist, locale, keymap (as
  ipxe/preseed), grub_transport, grub_timeout, local_efi_loader.
-->
<#import "/snippets/installer.ftl" as installer>
<#import "/snippets/grub2.ftl" as grub2>
<@grub2.install "Install " + host.name + " (" + os.name + " " + os.version + ", preseed)" installer.preseed(grub2.bootif())/>
