<#--
  pxelinux/localboot: pxelinux.cfg/01-<mac> of a known host that is not in build mode.
  LOCALBOOT 0 returns to the BIOS, which boots the next device (normally the local disk).
  If a machine's BIOS does not continue, boot the disk explicitly instead:
      COM32 chain.c32
      APPEND hd0
-->
DEFAULT local
PROMPT 0
LABEL local
  LOCALBOOT 0
