package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The YAML config file as written; every field may be absent (null). Key names follow Foreman's
 * smart-proxy where they mean the same thing ({@code tftproot}, {@code template_url}, …).
 * {@link BootproxyConfig#resolve} merges it with command-line flags and defaults and validates it.
 */
public record ConfigFile(
        @JsonProperty("http_address") String httpAddress,
        @JsonProperty("tftp_address") String tftpAddress,
        @JsonProperty("tftproot") String tftproot,
        @JsonProperty("templates") String templates,
        @JsonProperty("hosts") String hosts,
        @JsonProperty("groups") String groups,
        @JsonProperty("profiles") String profiles,
        @JsonProperty("assets") String assets,
        @JsonProperty("state_dir") String stateDir,
        @JsonProperty("template_url") String templateUrl,
        @JsonProperty("trusted_proxies") List<String> trustedProxies,
        @JsonProperty("tftp_servername") String tftpServername,
        @JsonProperty("foreman_url") String foremanUrl,
        @JsonProperty("trusted_hosts") List<String> trustedHosts,
        @JsonProperty("https_address") String httpsAddress,
        @JsonProperty("ssl_certificate") String sslCertificate,
        @JsonProperty("ssl_private_key") String sslPrivateKey,
        @JsonProperty("ssl_ca_file") String sslCaFile,
        @JsonProperty("foreman_ssl_ca") String foremanSslCa,
        @JsonProperty("foreman_ssl_cert") String foremanSslCert,
        @JsonProperty("foreman_ssl_key") String foremanSslKey,
        @JsonProperty("tftp_connect_timeout") Integer tftpConnectTimeout,
        @JsonProperty("verify_server_cert") Boolean verifyServerCert,
        @JsonProperty("forward_verify") Boolean forwardVerify,
        @JsonProperty("smart_proxy_version") String smartProxyVersion,
        @JsonProperty("templates_from") String templatesFrom,
        @JsonProperty("template_defaults") Map<String, Map<String, String>> templateDefaults,
        @JsonProperty("ipxe") IpxeConfig ipxe,
        @JsonProperty("tftp") TftpConfig tftp,
        @JsonProperty("inventory") InventoryConfig inventory,
        @JsonProperty("render") RenderConfig render,
        @JsonProperty("grub2") Grub2Config grub2,
        @JsonProperty("discovery") DiscoveryConfig discovery,
        @JsonProperty("timeline") TimelineConfig timeline) {

    public static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null);

    public ConfigFile {
        ipxe = ipxe == null ? IpxeConfig.EMPTY : ipxe;
        tftp = tftp == null ? TftpConfig.EMPTY : tftp;
        inventory = inventory == null ? InventoryConfig.EMPTY : inventory;
        render = render == null ? RenderConfig.EMPTY : render;
        grub2 = grub2 == null ? Grub2Config.EMPTY : grub2;
        discovery = discovery == null ? DiscoveryConfig.EMPTY : discovery;
        timeline = timeline == null ? TimelineConfig.EMPTY : timeline;
        trustedProxies = trustedProxies == null ? null : List.copyOf(trustedProxies);
        trustedHosts = trustedHosts == null ? null : List.copyOf(trustedHosts);
    }
}
