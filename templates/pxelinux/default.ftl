<#--
  pxelinux/default: pxelinux.cfg/default, what pxelinux reads for a MAC that has no host.
  It chains to iPXE and asks for the intermediate script, which tries every NIC and reports the
  machine to bootproxy. Type "local" at the boot: prompt to boot from disk instead.
-->
DEFAULT ipxe
PROMPT 0
LABEL ipxe
  KERNEL ipxe.lkrn
  APPEND dhcp && chain [=url("iPXE", {"bootstrap": "1", "mac": "${netX/mac}"})]
  IPAPPEND 2
LABEL local
  LOCALBOOT 0
