<#--
  pxelinux/chain-ipxe-undi: like pxelinux/chain-ipxe, for NICs whose driver ipxe.lkrn lacks:
  pxelinux loads undionly-ipxe.0 (iPXE's undionly.kpxe under a name pxelinux accepts), which
  drives the NIC through the firmware's own PXE stack.
  undionly takes no script from here: it asks DHCP again, so the DHCP server must hand iPXE
  clients (user class "iPXE") bootproxy's URL, .../unattended/iPXE?bootstrap=1, or the machine
  loops back into PXE. `bootproxy dhcp-config` prints such a configuration.
-->
DEFAULT ipxe
PROMPT 0
LABEL ipxe
  KERNEL undionly-ipxe.0
  IPAPPEND 2
