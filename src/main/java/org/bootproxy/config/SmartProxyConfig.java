package org.bootproxy.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Foreman's smart-proxy API needs, under smart-proxy's own setting names (top-level keys).
 *
 * @param tftpServername tftp_servername: the name Foreman hands DHCP clients as next-server ("" = Foreman
 *                       uses the host of the proxy URL)
 * @param foremanUrl     foreman_url: where {@code /unattended} requests go that bootproxy cannot answer itself
 *                       (empty = answered here only)
 * @param trustedHosts   trusted_hosts: certificate names (HTTPS) and addresses or CIDRs (plain HTTP) allowed to
 *                       use the management API ({@code /tftp}, {@code /v2/features}); empty = not set
 * @param https          the HTTPS listener, when ssl_certificate, ssl_private_key and ssl_ca_file are set
 */
public record SmartProxyConfig(String tftpServername, Optional<URI> foremanUrl, Optional<List<String>> trustedHosts,
                               Optional<Https> https) {

    public static final String DEFAULT_HTTPS = "0.0.0.0:8443";

    public SmartProxyConfig {
        tftpServername = tftpServername == null ? "" : tftpServername.trim();
        foremanUrl = Objects.requireNonNullElse(foremanUrl, Optional.empty());
        trustedHosts = Objects.requireNonNullElse(trustedHosts, Optional.<List<String>>empty()).map(List::copyOf);
        https = Objects.requireNonNullElse(https, Optional.empty());
    }

    /**
     * The HTTPS listener: the proxy's certificate and key, and the CA whose client certificates it accepts
     * (Foreman's), all PEM files as smart-proxy uses them.
     *
     * @param address     https_address, e.g. 0.0.0.0:8443 (smart-proxy's https_port is 8443)
     * @param certificate ssl_certificate
     * @param privateKey  ssl_private_key
     * @param caFile      ssl_ca_file
     */
    public record Https(HostPort address, Path certificate, Path privateKey, Path caFile) {
        public Https {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(caFile, "caFile");
        }
    }

    static SmartProxyConfig resolve(ConfigFile file, Path baseDir) {
        String foreman;
        try {
            foreman = ConfigChecks.httpUrl("foreman_url", ConfigChecks.text("foreman_url", file.foremanUrl()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
        Optional<List<String>> trusted = Optional.ofNullable(file.trustedHosts()).map(SmartProxyConfig::trustedHosts);
        return new SmartProxyConfig(file.tftpServername(), foreman.isEmpty() ? Optional.empty() : Optional.of(URI.create(foreman)),
                trusted, https(file, baseDir));
    }

    private static List<String> trustedHosts(List<String> entries) {
        for (String e : entries) {
            if (e == null || e.isBlank() || !e.trim().matches("[A-Za-z0-9._:/*-]+")) {
                throw new ConfigException("trusted_hosts: '" + e + "' is not a host name, address or CIDR"
                        + " (write e.g. foreman.example.com for a certificate name, 192.0.2.10 or 192.0.2.0/24 for plain HTTP)");
            }
        }
        return entries.stream().map(String::trim).toList();
    }

    private static Optional<Https> https(ConfigFile file, Path baseDir) {
        String cert = ConfigChecks.text("ssl_certificate", file.sslCertificate());
        String key = ConfigChecks.text("ssl_private_key", file.sslPrivateKey());
        String ca = ConfigChecks.text("ssl_ca_file", file.sslCaFile());
        boolean any = !cert.isEmpty() || !key.isEmpty() || !ca.isEmpty();
        if (!any) {
            if (file.httpsAddress() != null && !file.httpsAddress().isBlank()) {
                throw new ConfigException("https_address is set but ssl_certificate, ssl_private_key and ssl_ca_file are not:"
                        + " HTTPS needs the proxy's certificate, its key and the CA of Foreman's client certificate");
            }
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty() || ca.isEmpty()) {
            throw new ConfigException("ssl_certificate, ssl_private_key and ssl_ca_file go together (PEM files, as for"
                    + " smart-proxy): set all three for HTTPS, or none; missing: "
                    + String.join(", ", missing(cert, key, ca)));
        }
        String address = file.httpsAddress() == null || file.httpsAddress().isBlank() ? DEFAULT_HTTPS : file.httpsAddress();
        return Optional.of(new Https(HostPort.parse("https_address", address), baseDir.resolve(cert).normalize(),
                baseDir.resolve(key).normalize(), baseDir.resolve(ca).normalize()));
    }

    private static List<String> missing(String cert, String key, String ca) {
        return java.util.stream.Stream.of(cert.isEmpty() ? "ssl_certificate" : "", key.isEmpty() ? "ssl_private_key" : "",
                ca.isEmpty() ? "ssl_ca_file" : "").filter(s -> !s.isEmpty()).toList();
    }
}
