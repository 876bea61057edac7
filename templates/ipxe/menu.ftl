#!ipxe
<#--
  ipxe/menu: the OS menu for a machine none of whose NICs belongs to a host (the unknown-machine
  answer "menu", or a profile's template). It lists:
    - the installers the site offers: every host group with a menu: title (menu.entries). Choosing
      one asks bootproxy for ?menu=<group>&mac=<this NIC>, and the machine installs with that
      group's settings as host discovered-<mac>;
    - netboot.xyz, when ipxe.menu.netbootxyz names where it is;
    - local boot, asking again, and an iPXE shell.
  After menu.timeout seconds without a key (ipxe.menu.timeout, or the profile's menu_timeout;
  0: wait for a key) it takes menu.default_item (ipxe.menu.default, or menu_default).
-->
<#import "/snippets/ipxe.ftl" as ipxe>

:menu
menu bootproxy: this machine is not in the inventory
item --gap MACs:    [=ipxe.text(ipxe.macs())]
item --gap Serial:  [=ipxe.text(request.serial)]
item --gap Product: [=ipxe.text(request.manufacturer)] [=ipxe.text(request.product)]
<#if menu.entries?has_content>
item --gap
item --gap Install:
<#list menu.entries as entry>
item [=entry.item] [=ipxe.text(entry.title)]
</#list>
</#if>
item --gap
<#if menu.netbootxyz?has_content>
item netbootxyz netboot.xyz (more operating systems and tools)
</#if>
item local  Boot from local disk
item retry  Ask bootproxy again (after adding this machine to the inventory)
item shell  iPXE shell
choose --default [=menu.default_item] <#if menu.timeout gt 0>--timeout [=menu.timeout * 1000] </#if>target || goto local
goto ${target}
<#list menu.entries as entry>

:[=entry.item]
echo bootproxy: installing [=ipxe.text(entry.title)] on this machine (group [=entry.group])
chain [=url("iPXE", {"menu": entry.group, "mac": "${netX/mac}"})] || goto menu
exit
</#list>
<#if menu.netbootxyz?has_content>

:netbootxyz
chain --autofree [=menu.netbootxyz] || goto menu
exit
</#if>

:local
echo bootproxy: booting from local disk
exit

:retry
chain [=url("iPXE", {"bootstrap": "1"})] || goto menu
exit

:shell
echo Type "exit" to return to the menu.
shell
goto menu
