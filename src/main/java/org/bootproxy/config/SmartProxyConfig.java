package org.bootproxy.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

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
 * @param foremanTls     what an https {@code foreman_url} is verified against and presented (foreman_ssl_*, each
 *                       falling back to its ssl_* key as in smart-proxy)
 * @param downloads      how fetch_boot_file downloads (tftp_connect_timeout, verify_server_cert)
 * @param forwardVerify  forward_verify: a name found by reverse DNS for a plain-HTTP client must resolve back to
 *                       the client's address before trusted_hosts is checked (smart-proxy's default: true)
 * @param version        smart_proxy_version: the smart-proxy version {@code /version} reports (empty: bootproxy's own)
 * @param templatesFrom  templates_from: who answers {@code /unattended} and {@code /userdata} requests
 */
public record SmartProxyConfig(String tftpServername, Optional<URI> foremanUrl, Optional<List<String>> trustedHosts,
                               Optional<Https> https, ForemanTls foremanTls, Downloads downloads, boolean forwardVerify,
                               Optional<String> version, TemplatesFrom templatesFrom) {

    public static final String DEFAULT_HTTPS = "0.0.0.0:8443";
    /** smart-proxy's tftp_connect_timeout default, in seconds. */
    public static final int DEFAULT_TFTP_CONNECT_TIMEOUT = 10;

    public SmartProxyConfig {
        tftpServername = tftpServername == null ? "" : tftpServername.trim();
        foremanUrl = Objects.requireNonNullElse(foremanUrl, Optional.empty());
        trustedHosts = Objects.requireNonNullElse(trustedHosts, Optional.<List<String>>empty()).map(List::copyOf);
        https = Objects.requireNonNullElse(https, Optional.empty());
        foremanTls = Objects.requireNonNullElse(foremanTls, ForemanTls.NONE);
        downloads = Objects.requireNonNullElse(downloads, Downloads.DEFAULTS);
        version = Objects.requireNonNullElse(version, Optional.empty());
        templatesFrom = Objects.requireNonNullElse(templatesFrom, TemplatesFrom.LOCAL_FIRST);
    }

    /** A PEM file and the key it was configured with (for messages). */
    public record PemFile(String key, Path path) {
        public PemFile {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * TLS towards an https {@code foreman_url}, as smart-proxy's {@code ForemanRequest} sets it up: Foreman's
     * certificate is verified against {@code foreman_ssl_ca} (else {@code ssl_ca_file}); {@code foreman_ssl_cert} and
     * {@code foreman_ssl_key} (else {@code ssl_certificate} and {@code ssl_private_key}) are presented when both are set.
     *
     * @param ca          the CA Foreman's web certificate is verified against; empty: the JVM's trust store
     * @param certificate the client certificate presented to Foreman
     * @param privateKey  its key
     */
    public record ForemanTls(Optional<PemFile> ca, Optional<PemFile> certificate, Optional<PemFile> privateKey) {
        public static final ForemanTls NONE = new ForemanTls(Optional.empty(), Optional.empty(), Optional.empty());

        public ForemanTls {
            ca = Objects.requireNonNullElse(ca, Optional.empty());
            certificate = Objects.requireNonNullElse(certificate, Optional.empty());
            privateKey = Objects.requireNonNullElse(privateKey, Optional.empty());
        }
    }

    /**
     * How {@code fetch_boot_file} downloads kernels and initrds, under smart-proxy's TFTP module setting names.
     *
     * @param connectTimeout   tftp_connect_timeout (seconds in the file; smart-proxy's default 10)
     * @param verifyServerCert verify_server_cert: false downloads from https servers whose certificate cannot be
     *                         verified, as smart-proxy's {@code curl --insecure} (default true)
     */
    public record Downloads(Duration connectTimeout, boolean verifyServerCert) {
        public static final Downloads DEFAULTS = new Downloads(Duration.ofSeconds(DEFAULT_TFTP_CONNECT_TIMEOUT), true);

        public Downloads {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
        }
    }

    /** Who answers {@code /unattended/<kind>}, the build reports and {@code /userdata}: templates_from. */
    public enum TemplatesFrom {
        /** bootproxy renders every request; nothing is forwarded to Foreman */
        LOCAL("local"),
        /** every request is forwarded to foreman_url, as smart-proxy's templates module does */
        FOREMAN("foreman"),
        /** bootproxy renders what its inventory and templates cover; the rest goes to foreman_url (the default) */
        LOCAL_FIRST("local-first");

        private final String id;

        TemplatesFrom(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static TemplatesFrom parse(String text) {
            String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            return Arrays.stream(values()).filter(v -> v.id.equals(t)).findFirst().orElseThrow(() -> new ConfigException(
                    "templates_from: '" + text + "' is not allowed; use " + Arrays.stream(values()).map(TemplatesFrom::id)
                            .collect(Collectors.joining(", ")) + " (see docs/upstream.md)"));
        }
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
        Optional<URI> foremanUrl = foreman.isEmpty() ? Optional.empty() : Optional.of(URI.create(foreman));
        TemplatesFrom from = file.templatesFrom() == null || file.templatesFrom().isBlank() ? TemplatesFrom.LOCAL_FIRST
                : TemplatesFrom.parse(file.templatesFrom());
        if (from == TemplatesFrom.FOREMAN && foremanUrl.isEmpty()) {
            throw new ConfigException("templates_from: foreman forwards every /unattended and /userdata request to Foreman,"
                    + " but foreman_url is not set; set foreman_url (e.g. https://foreman.example.com) or use local-first");
        }
        return new SmartProxyConfig(file.tftpServername(), foremanUrl, trusted, https(file, baseDir),
                foremanTls(file, baseDir), downloads(file), file.forwardVerify() == null || file.forwardVerify(),
                version(file.smartProxyVersion()), from);
    }

    /** Each foreman_ssl_* key, else its ssl_* key, as smart-proxy's ForemanRequest reads them. */
    private static ForemanTls foremanTls(ConfigFile file, Path baseDir) {
        Optional<PemFile> ca = pem("foreman_ssl_ca", file.foremanSslCa(), "ssl_ca_file", file.sslCaFile(), baseDir);
        Optional<PemFile> cert = pem("foreman_ssl_cert", file.foremanSslCert(), "ssl_certificate", file.sslCertificate(), baseDir);
        Optional<PemFile> key = pem("foreman_ssl_key", file.foremanSslKey(), "ssl_private_key", file.sslPrivateKey(), baseDir);
        if (cert.isPresent() != key.isPresent()) {
            PemFile set = cert.orElseGet(key::get);
            throw new ConfigException(set.key() + " is set but " + (cert.isPresent() ? "foreman_ssl_key (or ssl_private_key)"
                    : "foreman_ssl_cert (or ssl_certificate)") + " is not: the certificate presented to Foreman and its key"
                    + " go together; set both, or neither");
        }
        return new ForemanTls(ca, cert, key);
    }

    private static Optional<PemFile> pem(String key, String value, String fallbackKey, String fallback, Path baseDir) {
        String v = ConfigChecks.text(key, value);
        if (!v.isEmpty()) {
            return Optional.of(new PemFile(key, baseDir.resolve(v).normalize()));
        }
        String f = ConfigChecks.text(fallbackKey, fallback);
        return f.isEmpty() ? Optional.empty() : Optional.of(new PemFile(fallbackKey, baseDir.resolve(f).normalize()));
    }

    private static Downloads downloads(ConfigFile file) {
        Integer t = file.tftpConnectTimeout();
        int seconds = t == null ? DEFAULT_TFTP_CONNECT_TIMEOUT : t;
        if (seconds < 1 || seconds > 3600) {
            throw new ConfigException("tftp_connect_timeout: " + seconds + " is out of range; write seconds, 1..3600, as in"
                    + " smart-proxy's tftp.yml (default " + DEFAULT_TFTP_CONNECT_TIMEOUT + ")");
        }
        return new Downloads(Duration.ofSeconds(seconds), file.verifyServerCert() == null || file.verifyServerCert());
    }

    /** A version Foreman can compare with its own: MAJOR.MINOR[.PATCH][-suffix], e.g. 3.13.0. */
    private static Optional<String> version(String text) {
        String v = ConfigChecks.text("smart_proxy_version", text);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (!v.matches("\\d{1,4}\\.\\d{1,4}(\\.\\d{1,4})?(-[A-Za-z0-9.]{1,40})?")) {
            throw new ConfigException("smart_proxy_version: '" + text + "' is not a version Foreman can compare; write your"
                    + " Foreman's version, e.g. 3.13.0 (Foreman warns when major differs or minor is not its own or one more)");
        }
        return Optional.of(v);
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
