#!ipxe
<#--
  ipxe/localboot: boot from the local disk. A known host that is not in build gets this, and so
  does an unknown machine when unknown machines are configured to boot locally.

  "exit" hands control back to the firmware, which goes on to its next boot device (normally
  the disk). It exits with success, so an intermediate script that chained here stops as well
  instead of trying the machine's next NIC.
-->
<#if has_host>
echo bootproxy: [=host.name] is not in build mode: booting from local disk
<#else>
echo bootproxy: booting from local disk
</#if>
exit
