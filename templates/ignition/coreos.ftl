<#--
  ignition/coreos: the Ignition config (spec 3.3.0, JSON) of a Fedora CoreOS host: what
  coreos-installer writes to disk for the first boot (coreos.inst.ignition_url), or what the live
  system applies (ignition.config.url). Served as /unattended/ignition (and /ignition?mac=) and, as
  Foreman does for its CoreOS family, as /unattended/provision.

  Every value goes into the JSON through ?json_string (quotes, backslashes and line breaks
  escaped); bootproxy refuses to serve output that is not valid JSON. It sets:
    - the core user's SSH keys (params.ssh_authorized_keys, one per line) and password
      (params.root_password_hash, crypted: openssl passwd -6);
    - /etc/hostname;
    - on a static subnet, a NetworkManager profile for the provisioning NIC (found by its MAC);
    - a one-shot unit that tells bootproxy the host is installed (url("built")) on the first boot of
      the installed system, and never in the live system.
-->
<#import "/snippets/installer.ftl" as installer>
<#assign keys = (params.ssh_authorized_keys!"")?split("\n")?map(k -> k?trim)?filter(k -> k?has_content)>
<#assign built = url("built")?replace("%", "%%")>
<#assign unit>
[Unit]
Description=Tell bootproxy that [=host.name] is installed
Wants=network-online.target
After=network-online.target
ConditionKernelCommandLine=!coreos.live.rootfs_url
ConditionPathExists=!/var/lib/bootproxy-built

[Service]
Type=oneshot
RemainAfterExit=yes
ExecStart=/usr/bin/curl -fsS --retry 10 --retry-delay 5 --retry-all-errors -o /dev/null '[=built]'
ExecStart=/usr/bin/touch /var/lib/bootproxy-built

[Install]
WantedBy=multi-user.target
</#assign>
<#if host.subnet.static>
<#assign connection>
[connection]
id=bootproxy-provision
type=ethernet

[ethernet]
mac-address=[=host.mac]

[ipv4]
method=manual
addresses=[=installer.static_cidr()]
<#if host.subnet.gateway?has_content>
gateway=[=host.subnet.gateway]
</#if>
<#if host.subnet.dns?has_content>
dns=[=host.subnet.dns?join(";")];
</#if>
</#assign>
</#if>
{
  "ignition": {"version": "3.3.0"},
  "passwd": {
    "users": [
      {
        "name": "core"<#if keys?has_content>,
        "sshAuthorizedKeys": [<#list keys as key>"[=key?json_string]"<#sep>, </#list>]</#if><#if (params.root_password_hash)?has_content>,
        "passwordHash": "[=params.root_password_hash?json_string]"</#if>
      }
    ]
  },
  "storage": {
    "files": [
      {
        "path": "/etc/hostname",
        "mode": 420,
        "overwrite": true,
        "contents": {"source": "data:,[=host.name?url('UTF-8')?json_string]"}
      }<#if host.subnet.static>,
      {
        "path": "/etc/NetworkManager/system-connections/bootproxy-provision.nmconnection",
        "mode": 384,
        "overwrite": true,
        "contents": {"source": "data:,[=connection?url('UTF-8')?json_string]"}
      }</#if>
    ]
  },
  "systemd": {
    "units": [
      {
        "name": "bootproxy-built.service",
        "enabled": true,
        "contents": "[=unit?json_string]"
      }
    ]
  }
}
