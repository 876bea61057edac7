#cloud-config
<#--
  provision/autoinstall-user-data: the cloud-init user-data Ubuntu's installer (Subiquity) reads
  from the NoCloud seed <public url>/userdata/<mac>/user-data (see ipxe/autoinstall). It must
  start with "#cloud-config" and hold an "autoinstall:" section with "version: 1".
  It installs the whole first disk (LVM); late-commands tell bootproxy the host is built.

  Host parameters it reads (all optional):
    admin_user (ubuntu)   the user Subiquity creates
    root_password_hash    that user's crypted password (e.g. `openssl passwd -6`); without it the
                          password is locked and only ssh_authorized_keys can log in
    ssh_authorized_keys   public keys for that user, one per line
    locale (en_US.UTF-8)  keymap (us)   timezone (UTC)
    packages              extra packages, separated by spaces or commas
  Values are written as JSON strings, which YAML reads as they are.
-->
<#import "/snippets/installer.ftl" as installer>
<#assign keys = ((params.ssh_authorized_keys)!"")?split("\n")?map(key -> key?trim)?filter(key -> key?has_content)>
<#assign packages = ((params.packages)!"")?split("[ ,]+", "r")?filter(name -> name?has_content)>
autoinstall:
  version: 1
  locale: "[=(params.locale!"en_US.UTF-8")?json_string]"
  keyboard:
    layout: "[=(params.keymap!"us")?json_string]"
  timezone: "[=(params.timezone!"UTC")?json_string]"
  identity:
    hostname: "[=host.shortname?json_string]"
    username: "[=(params.admin_user!"ubuntu")?json_string]"
    password: "[=(params.root_password_hash!"!")?json_string]"
  ssh:
    install-server: true
    allow-pw: false
<#if keys?has_content>
    authorized-keys:
<#list keys as key>
      - "[=key?json_string]"
</#list>
<#else>
    authorized-keys: []
</#if>
<#if packages?has_content>
  packages:
<#list packages as package>
    - "[=package?json_string]"
</#list>
</#if>
  storage:
    layout:
      name: lvm
<#if host.subnet.static>
  network:
    version: 2
    ethernets:
      provision:
        match:
          macaddress: "[=host.mac]"
        addresses: ["[=installer.static_cidr()]"]
        routes:
          - to: default
            via: "[=host.subnet.gateway]"
        nameservers:
          addresses: [<#list host.subnet.dns as dns>"[=dns]"<#sep>, </#list>]
</#if>
  late-commands:
    # tell bootproxy this host is installed: from now on it boots from its disk
    - "[=installer.built_call()?json_string]"
