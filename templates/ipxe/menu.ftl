#!ipxe
<#--
  ipxe/menu: the boot menu for a machine none of whose NICs belongs to a host (configure it as
  the unknown-machine answer, instead of the message or local boot).
  Without a key press it boots from local disk after the timeout.
-->
<#import "/snippets/ipxe.ftl" as ipxe>
<#-- seconds before the default entry (local disk) is taken -->
<#assign timeout = 60>

:menu
menu bootproxy: this machine is not in the inventory
item --gap MACs:    [=ipxe.text(ipxe.macs())]
item --gap Serial:  [=ipxe.text(request.serial)]
item --gap Product: [=ipxe.text(request.manufacturer)] [=ipxe.text(request.product)]
item --gap
item local  Boot from local disk
item retry  Ask bootproxy again (after adding this machine to the inventory)
item shell  iPXE shell
choose --default local --timeout [=timeout * 1000] target || goto local
goto ${target}

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
