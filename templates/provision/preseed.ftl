<#--
  provision/preseed: the answers the Debian installer fetches from bootproxy's provision URL (see
  ipxe/preseed). It installs the whole first disk; at the end late_command runs the finish script
  (finish/preseed), which tells bootproxy the host is built, so its next boot is from disk.

  The medium must be the host's Debian mirror, e.g. http://deb.debian.org/debian.
  Host parameters it reads (all optional):
    root_password_hash   root's crypted password (e.g. `openssl passwd -6`); without it root's
                         password is locked and only ssh_authorized_keys can log in
    ssh_authorized_keys  public keys for root, one per line (installed by finish/preseed)
    locale (en_US.UTF-8)   keymap (us)   timezone (UTC)   http_proxy (none)
    packages             extra packages, separated by spaces or commas
-->
<#import "/snippets/installer.ftl" as installer>
<#assign mirror = installer.medium_url()?matches("(https?)://([^/]+)(/.*)?")>
<#if !mirror>
<#stop "host " + host.name + ": its medium " + medium + " is not an http:// or https:// URL, which the Debian installer needs for its mirror">
</#if>
<#assign protocol = mirror?groups[1]>
# Preseed for [=host.name] ([=os.name] [=os.version] [=os.arch]), rendered by bootproxy.
# When the installation is done, the finish script (late_command, at the end) reports it to
# bootproxy at [=url("built")]

# Localisation
d-i debian-installer/locale string [=params.locale!"en_US.UTF-8"]
d-i keyboard-configuration/xkb-keymap select [=params.keymap!"us"]

# Network
d-i netcfg/choose_interface select auto
d-i netcfg/get_hostname string [=host.shortname]
d-i netcfg/get_domain string [=host.domain]
d-i netcfg/hostname string [=host.shortname]
<#if host.subnet.static>
d-i netcfg/disable_autoconfig boolean true
d-i netcfg/get_ipaddress string [=installer.static_ip()]
d-i netcfg/get_netmask string [=host.subnet.mask]
d-i netcfg/get_gateway string [=host.subnet.gateway]
d-i netcfg/confirm_static boolean true
</#if>
<#if host.subnet.dns?has_content>
<#-- also with DHCP: a DHCP server that hands out no name server would leave the installer asking -->
d-i netcfg/get_nameservers string [=host.subnet.dns?join(" ")]
</#if>

# Mirror: the host's medium
d-i mirror/country string manual
d-i mirror/protocol string [=protocol]
d-i mirror/[=protocol]/hostname string [=mirror?groups[2]]
d-i mirror/[=protocol]/directory string [=mirror?groups[3]?has_content?then(mirror?groups[3], "/")]
<#if (params.http_proxy)?has_content>
d-i mirror/[=protocol]/proxy string [=params.http_proxy]
<#else>
d-i mirror/[=protocol]/proxy string
</#if>
d-i mirror/suite string [=installer.release()]

# Accounts: root only
d-i passwd/root-login boolean true
d-i passwd/root-password-crypted password [=params.root_password_hash!"!"]
d-i passwd/make-user boolean false

# Clock
d-i clock-setup/utc boolean true
d-i time/zone string [=params.timezone!"UTC"]
d-i clock-setup/ntp boolean true

# Disk: the whole first disk, one partition
d-i partman-auto/method string regular
d-i partman-auto/choose_recipe select atomic
d-i partman-lvm/device_remove_lvm boolean true
d-i partman-md/device_remove_md boolean true
d-i partman-lvm/confirm boolean true
d-i partman-partitioning/confirm_write_new_label boolean true
d-i partman/choose_partition select finish
d-i partman/confirm boolean true
d-i partman/confirm_nooverwrite boolean true

# Packages
tasksel tasksel/first multiselect standard, ssh-server
<#assign packages = ((params.packages)!"")?split("[ ,]+", "r")?filter(name -> name?has_content)>
<#if packages?has_content>
d-i pkgsel/include string [=packages?join(" ")]
</#if>
popularity-contest popularity-contest/participate boolean false

# Boot loader
d-i grub-installer/only_debian boolean true
d-i grub-installer/bootdev string default

# Finish: run finish/preseed in the installer, then reboot without asking
d-i preseed/late_command string wget -q -O /tmp/bootproxy-finish.sh '[=url("finish")]' && sh /tmp/bootproxy-finish.sh
d-i finish-install/reboot_in_progress note
