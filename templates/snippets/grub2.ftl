<#--
  snippets/grub2.ftl: what the grub2/ templates share. UEFI machines reach them through GRUB2: PXE firmware →
  shimx64.efi (Secure Boot) → grubx64.efi, or grubx64.efi directly, or UEFI HTTP Boot → GRUB reads its entry
  config (grub/grub.cfg for Debian's and Ubuntu's signed GRUB, grub2/grub.cfg for Red Hat's) → grub2/default
  goes on to the machine's own config by $net_default_mac → grub2/kickstart, grub2/preseed, … or grub2/localboot.
  Import it with:   <#import "/snippets/grub2.ftl" as grub2>
-->

<#--
  A word on a GRUB command line: as it is when it holds only plain characters, else in single quotes (GRUB
  would act on ; & | < > $ and quotes; "ds=nocloud-net;s=…" and "?mac=…&…" need them).
-->
<#function word s>
  <#if s?matches("[A-Za-z0-9._,:/=+@%-]+")>
    <#return s>
  </#if>
  <#return "'" + s?replace("'", "'\\''") + "'">
</#function>

<#-- Kernel arguments (separated by spaces) as GRUB words. -->
<#function words line>
  <#local out = []>
  <#list line?trim?split(" ") as a>
    <#if a?has_content>
      <#local out += [word(a)]>
    </#if>
  </#list>
  <#return out?join(" ")>
</#function>

<#-- The BOOTIF= value (01-aa-bb-…) of the NIC GRUB asked with (the MAC in the config's name), else the host's. -->
<#function bootif>
  <#return "01-" + request.mac?has_content?then(request.mac, host.mac)?replace(":", "-")>
</#function>

<#--
  How this host's GRUB fetches the installer: the host parameter grub_transport, else the setting
  grub2.kernel_transport (auto, tftp or http).
-->
<#function transport>
  <#local t = (params.grub_transport)!bootproxy.grub.transport>
  <#if !["auto", "tftp", "http"]?seq_contains(t)>
    <#stop "host " + host.name + ": grub_transport '" + t + "' is not auto, tftp or http">
  </#if>
  <#return t>
</#function>

<#--
  The GRUB path of an installer file given as a URL (`param` names the host parameter that sets it):
    bootproxy's own /pub/ files  → (tftp,<server>)/pub/… (auto, tftp) or (http,<host:port>)/pub/… (http):
                                   bootproxy serves the assets folder over both
    any other http:// URL        → (http,<host>)/… (auto, http): needs a GRUB with the http module (Red Hat's);
                                   with tftp the render stops and says what to do, rather than GRUB failing later
  https:// cannot work: GRUB has no TLS.
-->
<#function path url param>
  <#local t = transport()>
  <#local own = bootproxy.public_url + "/pub/">
  <#if url?starts_with(own)>
    <#return (t == "http")?then(bootproxy.grub.http, bootproxy.grub.tftp) + url?remove_beginning(bootproxy.public_url)>
  </#if>
  <#local http = url?matches("http://([^/?#]+)(/[^?#]*)")>
  <#if !http>
    <#stop "host " + host.name + ": GRUB cannot fetch " + url + " (" + param + "): it has no TLS and reads only http://"
      + " URLs and bootproxy's /pub/ files; put the file into bootproxy's assets folder and set " + param
      + " to " + own + "<file>">
  </#if>
  <#if t == "tftp">
    <#stop "host " + host.name + ": its GRUB loads the installer over TFTP (grub_transport / grub2.kernel_transport is"
      + " tftp), but " + param + " " + url + " is not one of bootproxy's /pub/ files: put the file into bootproxy's"
      + " assets folder and set " + param + " to " + own + "<file>, or use grub_transport: http with a GRUB that"
      + " has the http module (Red Hat's; Debian's and Ubuntu's signed GRUB have none)">
  </#if>
  <#return "(http," + http?groups[1] + ")" + http?groups[2]>
</#function>

<#--
  A host's install config: one menu entry that loads `installer` (a hash from snippets/installer.ftl: kernel,
  initrd, args) and boots it, and local boot as the fallback when loading fails. The host parameter
  grub_timeout sets the menu's countdown in seconds (default 5).
-->
<#macro install title installer>
  <#local kernel = path(installer.kernel, "kernel_url")>
  <#local initrd = path(installer.initrd, "initrd_url")>
  <#local timeout = (params.grub_timeout)!"5">
  <#if !timeout?matches("[0-9]+")>
    <#stop "host " + host.name + ": grub_timeout '" + timeout + "' is not a number of seconds">
  </#if>
set default=0
set fallback=1
set timeout=[=timeout]
echo [=word("bootproxy: " + title)]

menuentry [=word(title)] {
  echo [=word("bootproxy: loading " + kernel)]
  linux [=kernel] [=words(installer.args)]
  echo [=word("bootproxy: loading " + initrd)]
  initrd [=initrd]
}

<@local_disk/>
</#macro>

<#--
  A menu entry that starts iPXE from the TFTP root. GRUB cannot pass iPXE a script, so iPXE asks
  DHCP again: the DHCP server must hand iPXE clients (user class "iPXE") bootproxy's URL
  .../unattended/iPXE?bootstrap=1. The intermediate script then finds the host by its MAC.
  snponly.efi drives only the NIC the firmware booted from; a host parameter
  ipxe_efi = ipxe.efi uses iPXE's own drivers (all NICs) instead. Needs Secure Boot off: stock
  iPXE is not signed.
-->
<#macro chain_ipxe title>
menuentry [=word(title)] {
  echo 'bootproxy: starting iPXE'
  chainloader /[=(params.ipxe_efi)!"snponly.efi"]
}
</#macro>

<#--
  A menu entry that boots from a local disk. It looks on every disk for an EFI boot loader, in this order: the
  host parameter local_efi_loader (e.g. /EFI/sles/shim.efi), each distribution's shim and GRUB (Red Hat, Alma,
  Rocky, CentOS, Fedora, Oracle, Debian, Ubuntu, SUSE, openSUSE), Windows' boot manager, and last the removable-media
  fallback /EFI/BOOT/BOOT<arch>.EFI, for the machine's architecture (x64, aa64, ia32). The first one found is
  chain-loaded (under Secure Boot it must be signed, as installed loaders are). None found, or none starts: GRUB
  exits, and the firmware goes on to its next boot option.
-->
<#macro local_disk title="Boot from local disk">
menuentry [=word(title)] {
  if [ "$grub_cpu" = "arm64" ]; then
    set efi=aa64
    set removable=/EFI/BOOT/BOOTAA64.EFI
  elif [ "$grub_cpu" = "i386" ]; then
    set efi=ia32
    set removable=/EFI/BOOT/BOOTIA32.EFI
  else
    set efi=x64
    set removable=/EFI/BOOT/BOOTX64.EFI
  fi
  for loader in [=((params.local_efi_loader)!"")?has_content?then(word(params.local_efi_loader) + " ", "")]/EFI/redhat/shim$efi.efi /EFI/almalinux/shim$efi.efi /EFI/rocky/shim$efi.efi /EFI/centos/shim$efi.efi /EFI/fedora/shim$efi.efi /EFI/ol/shim$efi.efi /EFI/debian/shim$efi.efi /EFI/ubuntu/shim$efi.efi /EFI/sles/shim.efi /EFI/opensuse/shim.efi /EFI/debian/grub$efi.efi /EFI/ubuntu/grub$efi.efi /EFI/redhat/grub$efi.efi /EFI/Microsoft/Boot/bootmgfw.efi $removable; do
    if search --no-floppy --file --set=esp $loader; then
      echo "bootproxy: booting $loader from ($esp)"
      if chainloader ($esp)$loader; then
        boot
      fi
    fi
  done
  echo 'bootproxy: no boot loader found on a local disk; returning to the firmware'
  exit
}
</#macro>
