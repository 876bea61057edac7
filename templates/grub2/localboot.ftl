<#--
  grub2/localboot: grub2/grub.cfg-<mac> of a known host that is not in build mode: boot its local disk's EFI
  boot loader (see snippets/grub2.ftl local_disk), else return to the firmware's next boot option.
-->
<#import "/snippets/grub2.ftl" as grub2>
echo [=grub2.word("bootproxy: " + host.name + " is not in build mode: booting from local disk")]
set default=0
set timeout=0

<@grub2.local_disk "Boot " + host.name + " from local disk"/>
