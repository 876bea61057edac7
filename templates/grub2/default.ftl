<#--
  grub2/default: GRUB's entry config, the first file a network-booted GRUB reads (grub/grub.cfg for Debian's
  and Ubuntu's signed GRUB, grub2/grub.cfg for Red Hat's; the setting grub2.entry_configs lists the names).
  Debian's GRUB looks for no per-MAC file by itself, so this goes on to the machine's own config by the MAC of
  the NIC it booted from, as Foreman's "PXEGrub2 global default" does:
    $cmdpath/grub.cfg-<mac>                the folder of the boot file: grub2/, or a Foreman 3.14 host folder
                                           host-config/<mac>/grub2/ when DHCP pointed there
    /grub2/grub.cfg-<mac>                  Foreman's name in the TFTP root
    /httpboot/grub2/grub.cfg-<mac>         the same over UEFI HTTP Boot
  bootproxy renders grub2/grub.cfg-<mac> for a host of its inventory: its install config when it is in build,
  grub2/localboot when not. A machine none of these finds (not in the inventory, nothing pushed by Foreman)
  gets the menu below: iPXE, which reports the machine to bootproxy (needs Secure Boot off), else the local disk.
-->
<#import "/snippets/grub2.ftl" as grub2>
if [ -n "$net_default_mac" ]; then
  echo "bootproxy: looking for the config of $net_default_mac"
  for cfg in "$cmdpath/grub.cfg-$net_default_mac" "/grub2/grub.cfg-$net_default_mac" "/httpboot/grub2/grub.cfg-$net_default_mac"; do
    configfile "$cfg"
  done
  echo "bootproxy: no config for $net_default_mac: this machine is not in the inventory"
fi

set default=0
set fallback=1
set timeout=5

<@grub2.chain_ipxe "Ask bootproxy (start iPXE; not under Secure Boot)"/>

<@grub2.local_disk/>
