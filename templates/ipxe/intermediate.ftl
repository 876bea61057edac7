#!ipxe
<#--
  ipxe/intermediate: the first script every iPXE client gets (it asks /unattended/iPXE?bootstrap=1,
  or bootproxy cannot yet tell who it is).

  It tries the machine's NICs in turn, net0 … net[N-1], N = bootproxy.intermediate_nics (config):
    isset ${netX/mac}   no such NIC: the machine has no more NICs, stop trying
    dhcp netX           get an address on this NIC unless it has one already (the NIC the firmware
                        booted from usually has: that saves a DHCP round); on failure try the next NIC
    chain …?mac=…       ask bootproxy for the host with this NIC's MAC. An unknown MAC gets a 404
                        and iPXE moves on to the next NIC; so does a host script that fails.
  Each request also carries the machine's serial, manufacturer, product and UUID (SMBIOS) and iPXE's
  build architecture and firmware platform: bootproxy records the machine (GET /api/machines), and
  the profiles pick by them what a machine in no inventory gets.

  When no NIC belongs to a host, it asks for the unknown-machine answer (?unknown=1) with every MAC
  it has: bootproxy logs what the machine reported and answers with the template configured for
  unknown machines (ipxe/menu, ipxe/unknown or ipxe/localboot).

  Remember: [=…] is filled in by bootproxy, ${…} is left for iPXE.
-->
<#-- what the machine says about itself: SMBIOS text percent-encoded by iPXE (:uristring); the UUID, build
     architecture (i386, x86_64, arm64) and platform (pcbios, efi) are URL-safe as iPXE prints them -->
<#assign identity = {
  "serial": "${serial:uristring}",
  "manufacturer": "${manufacturer:uristring}",
  "product": "${product:uristring}",
  "uuid": "${uuid}",
  "arch": "${buildarch}",
  "platform": "${platform}"
}>
<#assign all_macs = (0..<bootproxy.intermediate_nics)?map(i -> "${net[=i]/mac}")?join(",")>
echo bootproxy: ${manufacturer} ${product} (serial ${serial}): looking for a known NIC
<#list 0..<bootproxy.intermediate_nics as i>
<#assign next = i?has_next?then("net" + (i + 1), "unknown")>

:net[=i]
isset ${net[=i]/mac} || goto unknown
echo bootproxy: trying net[=i] (${net[=i]/mac})
isset ${net[=i]/ip} || dhcp net[=i] || goto [=next]
<#-- the NIC configured last carries the requests: the machine's boot interface, should no NIC be known -->
set bootif ${net[=i]/mac}
chain [=url("iPXE", {"mac": "${net[=i]/mac}"} + identity)] || goto [=next]
<#-- the host's script returned without booting (e.g. ipxe/localboot): leave iPXE -->
exit
</#list>

:unknown
echo bootproxy: no NIC of this machine belongs to a known host
chain [=url("iPXE", {"unknown": "1", "macs": all_macs, "bootif": "${bootif}"} + identity)] || goto unreachable
exit

:unreachable
echo bootproxy: no answer from bootproxy ([=bootproxy.public_url]) on any NIC; booting from local disk
exit 1
