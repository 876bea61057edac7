<#--
  provision/kickstart: the kickstart Anaconda fetches from bootproxy's provision URL (see
  ipxe/kickstart). It installs the whole first disk with automatic partitioning, then %post tells
  bootproxy the host is built, so its next boot is from disk.

  Host parameters it reads (all optional):
    root_password_hash   root's crypted password (e.g. `openssl passwd -6`); without it root's
                         password is locked and only ssh_authorized_keys can log in
    ssh_authorized_keys  public keys for root, one per line
    lang (en_US.UTF-8)   keyboard (us)   timezone (UTC)
    packages             extra packages, separated by spaces or commas
  Without a medium, Anaconda takes its install tree from inst.repo= (put it in kernelcmd).
-->
<#import "/snippets/installer.ftl" as installer>
# Kickstart for [=host.name] ([=os.name] [=os.version] [=os.arch]), rendered by bootproxy
text
<#if medium?has_content>
url --url=[=medium]
</#if>
lang [=params.lang!"en_US.UTF-8"]
keyboard [=params.keyboard!"us"]
timezone [=params.timezone!"UTC"] --utc
<#if host.subnet.static>
network --device=[=host.mac] --bootproto=static --ip=[=installer.static_ip()] --netmask=[=host.subnet.mask] --gateway=[=host.subnet.gateway]<#if host.subnet.dns?has_content> --nameserver=[=host.subnet.dns?join(",")]</#if> --hostname=[=host.name]
<#else>
network --device=[=host.mac] --bootproto=dhcp --hostname=[=host.name]
</#if>
<#if (params.root_password_hash)?has_content>
rootpw --iscrypted [=params.root_password_hash]
<#else>
rootpw --lock
</#if>
selinux --enforcing
firewall --enabled --ssh
firstboot --disabled
skipx
zerombr
clearpart --all --initlabel
autopart
bootloader
reboot

%packages
@core
<#list ((params.packages)!"")?split("[ ,]+", "r")?filter(name -> name?has_content) as package>
[=package]
</#list>
%end

%post --log=/root/bootproxy-post.log
<#if (params.ssh_authorized_keys)?has_content>
# root's SSH keys
mkdir -p -m 700 /root/.ssh
cat >> /root/.ssh/authorized_keys <<'BOOTPROXY_KEYS'
[=params.ssh_authorized_keys?trim]
BOOTPROXY_KEYS
chmod 600 /root/.ssh/authorized_keys
restorecon -R /root/.ssh || true
</#if>
# Tell bootproxy this host is installed: from now on it boots from its disk.
[=installer.built_call()]
%end

%onerror
# Tell bootproxy the installation failed, with Anaconda's log as the report.
curl -fsS -X POST --data-binary @/tmp/anaconda.log '[=url("failed")]' || true
%end
