package org.bootproxy.smartproxy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the smart-proxy API needs to know, already validated by the config.
 *
 * @param tftpRoot       where pushed configs and downloaded boot files go (tftproot)
 * @param tftpServername what {@code GET /tftp/serverName} answers ("" when not set)
 * @param templateUrl    bootproxy's public HTTP URL (template_url): {@code templateServer}, and {@code url=} on forwards
 * @param foremanUrl     where unanswerable {@code /unattended} requests are forwarded (foreman_url); empty = nowhere
 * @param trustedHosts   who may use the management API
 * @param version        the smart-proxy version {@code /version} reports (smart_proxy_version, else bootproxy's own)
 * @param httpsPort      the HTTPS port, for {@code /v2/features}; empty without HTTPS
 * @param timeouts       how long to wait for Foreman and for downloads
 * @param maxForwards    how many requests forwarded to Foreman may wait for its answer at once; past that the client
 *                       is told to come back later (iPXE's retry script, 503 with Retry-After)
 * @param downloads      how fetch_boot_file connects (tftp_connect_timeout, verify_server_cert)
 * @param forwardVerify  forward_verify: a plain-HTTP client's name must resolve back to its address
 * @param templatesFrom  who answers /unattended and /userdata requests (templates_from)
 */
public record SmartProxySettings(Path tftpRoot, String tftpServername, URI templateUrl, Optional<URI> foremanUrl,
                                 TrustedHosts trustedHosts, String version, Optional<Integer> httpsPort,
                                 Timeouts timeouts, int maxForwards, Downloads downloads, boolean forwardVerify,
                                 TemplatesFrom templatesFrom) {
    /** Forwarded requests waiting for Foreman at once, by default. */
    public static final int DEFAULT_MAX_FORWARDS = 32;

    public SmartProxySettings {
        Objects.requireNonNull(tftpRoot, "tftpRoot");
        tftpServername = tftpServername == null ? "" : tftpServername;
        Objects.requireNonNull(templateUrl, "templateUrl");
        foremanUrl = Objects.requireNonNullElse(foremanUrl, Optional.empty());
        trustedHosts = Objects.requireNonNullElse(trustedHosts, TrustedHosts.notSet());
        version = version == null ? "" : version;
        httpsPort = Objects.requireNonNullElse(httpsPort, Optional.empty());
        timeouts = Objects.requireNonNullElse(timeouts, Timeouts.DEFAULTS);
        if (maxForwards < 1) {
            throw new IllegalArgumentException("maxForwards must be at least 1, not " + maxForwards);
        }
        downloads = Objects.requireNonNullElse(downloads, Downloads.DEFAULTS);
        templatesFrom = Objects.requireNonNullElse(templatesFrom, TemplatesFrom.LOCAL_FIRST);
        if (templatesFrom == TemplatesFrom.FOREMAN && foremanUrl.isEmpty()) {
            throw new IllegalArgumentException("templates from Foreman need foreman_url");
        }
    }

    /** With {@link #DEFAULT_MAX_FORWARDS} and smart-proxy's defaults for the rest. */
    public SmartProxySettings(Path tftpRoot, String tftpServername, URI templateUrl, Optional<URI> foremanUrl,
                              TrustedHosts trustedHosts, String version, Optional<Integer> httpsPort, Timeouts timeouts) {
        this(tftpRoot, tftpServername, templateUrl, foremanUrl, trustedHosts, version, httpsPort, timeouts,
                DEFAULT_MAX_FORWARDS);
    }

    /** smart-proxy's defaults for the rest: downloads as its TFTP module, forward_verify on, local templates first. */
    public SmartProxySettings(Path tftpRoot, String tftpServername, URI templateUrl, Optional<URI> foremanUrl,
                              TrustedHosts trustedHosts, String version, Optional<Integer> httpsPort, Timeouts timeouts,
                              int maxForwards) {
        this(tftpRoot, tftpServername, templateUrl, foremanUrl, trustedHosts, version, httpsPort, timeouts, maxForwards,
                Downloads.DEFAULTS, true, TemplatesFrom.LOCAL_FIRST);
    }

    /** The public HTTP port machines use, for the httpboot module's {@code http_port}. */
    int httpPort() {
        int port = templateUrl.getPort();
        return port >= 0 ? port : "https".equalsIgnoreCase(templateUrl.getScheme()) ? 443 : 80;
    }

    /**
     * How {@code fetch_boot_file} downloads, as smart-proxy's TFTP module settings say.
     *
     * @param connectTimeout   tftp_connect_timeout: TCP (and TLS) connect to the download server, for each attempt
     * @param verifyServerCert verify_server_cert: false downloads from an https server whose certificate cannot be
     *                         verified (smart-proxy's {@code curl --insecure})
     */
    public record Downloads(Duration connectTimeout, boolean verifyServerCert) {
        public static final Downloads DEFAULTS = new Downloads(Duration.ofSeconds(10), true);

        public Downloads {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
        }
    }

    /** Who answers {@code /unattended/<kind>}, the build reports and {@code /userdata} (templates_from). */
    public enum TemplatesFrom {
        /** bootproxy renders every request; nothing is forwarded to Foreman (hostgroup templates excepted) */
        LOCAL,
        /** every request goes to Foreman, as smart-proxy's templates module sends it */
        FOREMAN,
        /** bootproxy renders what its inventory and templates cover; Foreman answers the rest */
        LOCAL_FIRST
    }

    /**
     * @param connect        TCP/TLS connect timeout to Foreman
     * @param foremanAnswer  how long Foreman may take to answer a forwarded request
     * @param downloadMax    longest a boot file download may take (curl's --max-time in smart-proxy: 1 h)
     * @param retries        downloads retried this many times after a timeout or a 408/429/5xx (3)
     * @param retryDelay     pause between download attempts (10 s)
     */
    public record Timeouts(Duration connect, Duration foremanAnswer, Duration downloadMax, int retries, Duration retryDelay) {
        public static final Timeouts DEFAULTS = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(60),
                Duration.ofHours(1), 3, Duration.ofSeconds(10));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(foremanAnswer, "foremanAnswer");
            Objects.requireNonNull(downloadMax, "downloadMax");
            Objects.requireNonNull(retryDelay, "retryDelay");
            if (retries < 0) {
                throw new IllegalArgumentException("retries must be 0 or more");
            }
        }
    }
}
