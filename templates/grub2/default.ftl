<#--
  grub2/default: grub2/grub.cfg, what GRUB reads for a MAC that has no host. It starts iPXE,
  which runs the intermediate script: every NIC is tried and the machine is reported to bootproxy.
  See snippets/grub2.ftl for what the DHCP server must do for iPXE.
-->
<#import "/snippets/grub2.ftl" as grub2>
set default=0
set timeout=5

<@grub2.chain_ipxe "Ask bootproxy (start iPXE)"/>

<@grub2.local_disk/>
