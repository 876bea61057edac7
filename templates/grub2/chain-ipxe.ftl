<#--
  grub2/chain-ipxe: grub2/grub.cfg-01-<mac> of a host in build on a UEFI machine that PXE-boots
  GRUB2. It starts iPXE, which finds this host by its MAC and boots its iPXE script
  (ipxe/kickstart, …). See snippets/grub2.ftl for what the DHCP server must do for iPXE.
  Host parameter (optional): ipxe_efi, the iPXE binary in the TFTP root (default snponly.efi).
-->
<#import "/snippets/grub2.ftl" as grub2>
set default=0
set timeout=5

<@grub2.chain_ipxe "Install " + host.name + " (start iPXE)"/>

<@grub2.local_disk/>
