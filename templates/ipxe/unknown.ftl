#!ipxe
<#--
  ipxe/unknown: the "message" answer for a machine none of whose NICs belongs to a host.
  It shows what the machine reported, so whoever stands at the console (or reads bootproxy's
  log, which has the same facts) can add it to the inventory; then it boots from local disk.
-->
<#import "/snippets/ipxe.ftl" as ipxe>
<#-- seconds the message stays on screen before local boot; Ctrl-C skips the wait -->
<#assign pause = 15>
echo
echo bootproxy: this machine is not in the inventory
<#-- iPXE's echo joins its words with single spaces: no point aligning columns -->
echo MACs: [=ipxe.text(ipxe.macs())]
echo serial: [=ipxe.text(request.serial)]
echo manufacturer: [=ipxe.text(request.manufacturer)]
echo product: [=ipxe.text(request.product)]
echo address: [=ipxe.text(request.client_ip)]
echo To install it: give a host one of these MACs, set build: true, and reboot the machine.
echo Booting from local disk in [=pause] seconds.
sleep [=pause] ||
exit
