<#--
  grub2/kickstart: the GRUB2 config of a Red Hat family host in build (AlmaLinux, Rocky, RHEL, CentOS Stream,
  Fedora) on a UEFI machine that network-boots GRUB2 (shim → GRUB under Secure Boot). GRUB loads the same
  installer ipxe/kickstart boots, with the same kernel arguments (snippets/installer.ftl), and Anaconda then
  fetches its kickstart (provision/kickstart) from bootproxy.

  The kernel and initrd come over TFTP or GRUB's http device, as snippets/grub2.ftl `path` explains (the
  setting grub2.kernel_transport, or the host parameter grub_transport).
  Host parameters it reads (all optional): kernel_url, initrd_url, kernelcmd, blacklist (as ipxe/kickstart),
  grub_transport, grub_timeout (seconds before the entry boots, default 5), local_efi_loader.
-->
<#import "/snippets/installer.ftl" as installer>
<#import "/snippets/grub2.ftl" as grub2>
<@grub2.install "Install " + host.name + " (" + os.name + " " + os.version + ", kickstart)" installer.kickstart(grub2.bootif())/>
