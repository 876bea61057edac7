<#--
  provision/autoinstall-meta-data: the cloud-init meta-data of the NoCloud seed
  <public url>/userdata/<mac>/meta-data (see ipxe/autoinstall). cloud-init requires instance-id.
-->
instance-id: iid-[=host.mac?replace(":", "")]
local-hostname: [=host.shortname]
