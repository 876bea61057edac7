<#--
  grub2/localboot: grub2/grub.cfg-01-<mac> of a known host that is not in build mode.
-->
<#import "/snippets/grub2.ftl" as grub2>
set default=0
set timeout=0

<@grub2.local_disk "Boot " + host.name + " from local disk"/>
