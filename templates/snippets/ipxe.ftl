<#--
  snippets/ipxe.ftl: helpers for iPXE scripts that show what an unknown machine reported.
  Import it with:   <#import "/snippets/ipxe.ftl" as ipxe>
-->

<#--
  Text a machine sent us (its serial, product, …), made safe to put on an iPXE command line:
  iPXE would act on "&&", "||", "${…}" or "#" inside it, so anything but plain characters becomes "_".
-->
<#function text value>
  <#return value?has_content?then(value?replace("[^A-Za-z0-9 ._:/,+()@=-]", "_", "r"), "(not reported)")>
</#function>

<#-- The MACs the machine reported after its last NIC, else the ones it asked with, space separated. -->
<#function macs>
  <#local all = request.reported_macs?has_content?then(request.reported_macs, request.macs)>
  <#return all?has_content?then(all?join(" "), "(none reported)")>
</#function>
