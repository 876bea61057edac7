<#--
  snippets/grub2.ftl: menu entries shared by the grub2/ templates (UEFI machines that PXE-boot
  GRUB2, e.g. shimx64.efi → grubx64.efi → grub2/grub.cfg-01-<mac>).
  Import it with:   <#import "/snippets/grub2.ftl" as grub2>
-->

<#--
  A menu entry that starts iPXE from the TFTP root. GRUB cannot pass iPXE a script, so iPXE asks
  DHCP again: the DHCP server must hand iPXE clients (user class "iPXE") bootproxy's URL
  .../unattended/iPXE?bootstrap=1. The intermediate script then finds the host by its MAC.
  snponly.efi drives only the NIC the firmware booted from; a host parameter
  ipxe_efi = ipxe.efi uses iPXE's own drivers (all NICs) instead. Needs Secure Boot off: stock
  iPXE is not signed.
-->
<#macro chain_ipxe title>
menuentry '[=title]' {
  echo 'bootproxy: starting iPXE'
  chainloader /[=(params.ipxe_efi)!"snponly.efi"]
}
</#macro>

<#--
  A menu entry that boots from the local disk: the first boot loader found on any disk among the
  usual distributions' (and the removable-media fallback), else back to the firmware, which goes
  on to its next boot device.
-->
<#macro local_disk title="Boot from local disk">
menuentry '[=title]' {
  for loader in /EFI/redhat/shimx64.efi /EFI/almalinux/shimx64.efi /EFI/rocky/shimx64.efi /EFI/centos/shimx64.efi /EFI/fedora/shimx64.efi /EFI/debian/shimx64.efi /EFI/ubuntu/shimx64.efi /EFI/BOOT/BOOTX64.EFI; do
    if search --no-floppy --file --set=esp $loader; then
      echo "bootproxy: booting $loader from ($esp)"
      chainloader ($esp)$loader
      boot
    fi
  done
  echo 'bootproxy: no boot loader found on a local disk; returning to the firmware'
  exit
}
</#macro>
