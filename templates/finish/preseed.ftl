#!/bin/sh
<#--
  finish/preseed: the script provision/preseed's late_command fetches from bootproxy's finish URL
  and runs in the Debian installer (busybox; the installed system is mounted at /target).
  It installs root's SSH keys (host parameter ssh_authorized_keys, one per line), then tells
  bootproxy the host is built. Its exit status is the built call's: if bootproxy cannot be told,
  the installer shows the failure instead of rebooting into a reinstall.
-->
<#import "/snippets/installer.ftl" as installer>
# Finish script for [=host.name], rendered by bootproxy
<#if (params.ssh_authorized_keys)?has_content>
# root's SSH keys
mkdir -p /target/root/.ssh
cat >> /target/root/.ssh/authorized_keys <<'BOOTPROXY_KEYS'
[=params.ssh_authorized_keys?trim]
BOOTPROXY_KEYS
chmod 700 /target/root/.ssh
chmod 600 /target/root/.ssh/authorized_keys
</#if>
# Tell bootproxy this host is installed: from now on it boots from its disk.
[=installer.built_call()]
