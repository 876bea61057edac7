<#--
  snippets/installer.ftl: helpers for the templates that start an installer
  (ipxe/kickstart, ipxe/preseed, ipxe/autoinstall, grub2/kickstart, grub2/preseed, grub2/autoinstall)
  and for the answer files.
  Import it with:   <#import "/snippets/installer.ftl" as installer>
  then call e.g.    [=installer.boot_file("kernel_url", "/images/pxeboot/vmlinuz")]

  A function here that cannot produce a correct value stops the render with a message
  (<#stop>), so a host never gets half an installer command line.
-->

<#--
  What boots each installer, for the iPXE scripts and the GRUB2 configs alike, so a host gets the same
  installer with the same arguments whichever way its firmware starts it. Each returns a hash:
    kernel  the kernel's URL (host parameter kernel_url, else below the medium)
    initrd  the initrd's URL (host parameter initrd_url, else below the medium)
    args    the kernel arguments; `bootif` is the BOOTIF= value (01-aa-bb-…) naming the NIC that booted
-->

<#-- Anaconda (Red Hat family): inst.ks= (ks= before EL 8), inst.ks.sendmac, BOOTIF=, ip=dhcp or a static ip=. -->
<#function kickstart bootif>
  <#local ks = major_before(8)?then("ks", "inst.ks")>
  <#return {
    "kernel": boot_file("kernel_url", "/images/pxeboot/vmlinuz"),
    "initrd": boot_file("initrd_url", "/images/pxeboot/initrd.img"),
    "args": extra_args() + ks + "=" + url("provision") + " inst.ks.sendmac BOOTIF=" + bootif + " " + dracut_network()}>
</#function>

<#-- The Debian installer (netboot linux + initrd.gz from the mirror): answers everything from the preseed URL. -->
<#function preseed bootif>
  <#local arch = debian_arch()>
  <#local flavour = (os.name?lower_case == "ubuntu")?then("ubuntu-installer", "debian-installer")>
  <#local netboot = "/dists/" + release() + "/main/installer-" + arch + "/current/images/netboot/" + flavour + "/" + arch>
  <#return {
    "kernel": boot_file("kernel_url", netboot + "/linux"),
    "initrd": boot_file("initrd_url", netboot + "/initrd.gz"),
    "args": "auto=true priority=critical url=" + url("provision") + " interface=auto hostname=" + host.shortname
      + " domain=" + host.domain + " locale=" + (params.locale!"en_US.UTF-8") + " keymap=" + (params.keymap!"us") + " "
      + debian_network() + extra_args() + "BOOTIF=" + bootif}>
</#function>

<#-- Ubuntu's live server (Subiquity): casper's kernel, autoinstall answers from bootproxy's NoCloud seed. -->
<#function autoinstall bootif>
  <#local iso = (params.iso_url)?has_content?then("url=" + params.iso_url + " ", "")>
  <#return {
    "kernel": boot_file("kernel_url", "/casper/vmlinuz"),
    "initrd": boot_file("initrd_url", "/casper/initrd"),
    "args": extra_args() + "ip=dhcp " + iso + "autoinstall ds=nocloud-net;s=" + userdata_url()
      + " cloud-config-url=/dev/null BOOTIF=" + bootif}>
</#function>

<#--
  The URL of one of the installer's boot files: the host parameter named `param` when it is set
  (kernel_url, initrd_url: e.g. a test kernel under bootproxy's /pub/), else `path` below the medium.
-->
<#function boot_file param path>
  <#if (params[param])?has_content>
    <#return params[param]>
  </#if>
  <#return medium_url(param) + path>
</#function>

<#-- The medium (install tree URL) without a trailing slash; stops when the host has none. -->
<#function medium_url param="">
  <#if !medium?has_content>
    <#stop "host " + host.name + " has no medium (the URL of its install tree), so the installer cannot be found"
      + param?has_content?then(": set the host's medium, or the host parameter " + param, ": set the host's medium")>
  </#if>
  <#return medium?remove_ending("/")>
</#function>

<#--
  Extra kernel arguments from host parameters, followed by one space (or "" when there are none),
  so a kernel line can read  "... initrd=initrd.img [=installer.extra_args()]inst.ks=...".
    blacklist  modules the installer must not load, comma separated → modprobe.blacklist=…
    kernelcmd  anything else, passed as written
-->
<#function extra_args>
  <#local args = []>
  <#if (params.blacklist)?has_content>
    <#local args += ["modprobe.blacklist=" + params.blacklist?replace(" ", "")]>
  </#if>
  <#if (params.kernelcmd)?has_content>
    <#local args += [params.kernelcmd?trim]>
  </#if>
  <#return args?has_content?then(args?join(" ") + " ", "")>
</#function>

<#-- True when the OS major version is a number below `major` (e.g. EL 7 before 8). -->
<#function major_before major>
  <#return os.major?matches("[0-9]+") && os.major?number < major>
</#function>

<#-- The interface the host installs through (the one marked provision, else the first). -->
<#function provision_nic>
  <#return interfaces?filter(nic -> nic.provision)?first>
</#function>

<#-- Stops unless the host has an IP: a static network needs one. -->
<#function static_ip>
  <#if !host.ip?has_content>
    <#stop "host " + host.name + " is on a static subnet but its provision interface has no ip">
  </#if>
  <#return host.ip>
</#function>

<#-- "<ip>/<prefix length>" of a host on a static subnet; stops when the mask is not a valid netmask. -->
<#function static_cidr>
  <#if !host.subnet.prefix?has_content>
    <#stop "host " + host.name + " is on a static subnet whose mask '" + host.subnet.mask + "' is not a netmask such as 255.255.255.0">
  </#if>
  <#return static_ip() + "/" + host.subnet.prefix>
</#function>

<#--
  Network arguments for dracut (Anaconda): ip=dhcp, or for a static subnet
  ip=<ip>::<gateway>:<mask>:<hostname>:<interface>:none plus one nameserver= per DNS server.
-->
<#function dracut_network>
  <#if !host.subnet.static>
    <#return "ip=dhcp">
  </#if>
  <#local args = ["ip=" + static_ip() + "::" + host.subnet.gateway + ":" + host.subnet.mask + ":"
    + host.shortname + ":" + provision_nic().identifier + ":none"]>
  <#list host.subnet.dns as dns>
    <#local args += ["nameserver=" + dns]>
  </#list>
  <#return args?join(" ")>
</#function>

<#--
  Network arguments for the Debian installer, followed by one space ("" when there are none):
  for a static subnet the netcfg answers it needs before it can fetch the preseed file; and the
  host's name servers whenever they are known, DHCP too: a DHCP server that hands out none
  leaves the installer waiting at "Name server addresses" before it ever reads the preseed.
-->
<#function debian_network>
  <#local args = []>
  <#if host.subnet.static>
    <#local args += ["netcfg/disable_autoconfig=true", "netcfg/get_ipaddress=" + static_ip(),
      "netcfg/get_netmask=" + host.subnet.mask, "netcfg/get_gateway=" + host.subnet.gateway,
      "netcfg/confirm_static=true"]>
  </#if>
  <#if host.subnet.dns?size == 1>
    <#local args += ["netcfg/get_nameservers=" + host.subnet.dns[0]]>
  <#elseif host.subnet.dns?has_content>
    <#local args += ["netcfg/get_nameservers=\"" + host.subnet.dns?join(" ") + "\""]>
  </#if>
  <#return args?has_content?then(args?join(" ") + " ", "")>
</#function>

<#-- Debian's name for the architecture (x86_64 → amd64, aarch64 → arm64). -->
<#function debian_arch>
  <#return ({"x86_64": "amd64", "aarch64": "arm64", "i686": "i386"}[os.arch])!os.arch>
</#function>

<#-- The release code name (bookworm, jammy); stops when the host's OS has none. -->
<#function release>
  <#if !os.release_name?has_content>
    <#stop "host " + host.name + " runs " + os.name + " " + os.version
      + " without a release name (e.g. bookworm): the installer's files are found by it">
  </#if>
  <#return os.release_name>
</#function>

<#--
  One shell command that tells bootproxy the installation is done (the host then boots from its
  disk): curl where there is curl, else wget. The URL is written out in full, in single quotes.
-->
<#function built_call>
  <#local built = url("built")>
  <#return "if command -v curl >/dev/null 2>&1; then curl -fsS -o /dev/null '" + built
    + "'; else wget -q -O /dev/null '" + built + "'; fi">
</#function>

<#--
  The end of an installer's iPXE script, the target of its "|| goto failed": reached only when
  fetching or booting the kernel or initrd failed. It says what failed and exits with failure,
  so an intermediate script that chained here goes on to the machine's next NIC.
-->
<#macro failed kernel initrd>
:failed
echo bootproxy: could not boot the installer of [=host.name]:
echo bootproxy: kernel [=kernel]
echo bootproxy: initrd [=initrd]
exit 1
</#macro>
