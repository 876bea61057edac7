<#--
  pxelinux/chain-ipxe: pxelinux.cfg/01-<mac> of a host in build that boots through iPXE.
  pxelinux loads ipxe.lkrn (iPXE as a Linux kernel, from the TFTP root) and hands it a one-line
  script: get an address, then fetch this host's iPXE script from bootproxy (ipxe/kickstart, …).
  IPAPPEND 2 adds BOOTIF=01-<mac> (the NIC pxelinux booted from) to the command line.
-->
DEFAULT ipxe
PROMPT 0
LABEL ipxe
  KERNEL ipxe.lkrn
  APPEND dhcp && chain [=url("iPXE")]
  IPAPPEND 2
