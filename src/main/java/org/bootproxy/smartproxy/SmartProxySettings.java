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
 * @param version        bootproxy's version, for {@code /version}
 * @param httpsPort      the HTTPS port, for {@code /v2/features}; empty without HTTPS
 * @param timeouts       how long to wait for Foreman and for downloads
 * @param maxForwards    how many requests forwarded to Foreman may wait for its answer at once; past that the client
 *                       is told to come back later (iPXE's retry script, 503 with Retry-After)
 */
public record SmartProxySettings(Path tftpRoot, String tftpServername, URI templateUrl, Optional<URI> foremanUrl,
                                 TrustedHosts trustedHosts, String version, Optional<Integer> httpsPort,
                                 Timeouts timeouts, int maxForwards) {
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
    }

    /** With {@link #DEFAULT_MAX_FORWARDS}. */
    public SmartProxySettings(Path tftpRoot, String tftpServername, URI templateUrl, Optional<URI> foremanUrl,
                              TrustedHosts trustedHosts, String version, Optional<Integer> httpsPort, Timeouts timeouts) {
        this(tftpRoot, tftpServername, templateUrl, foremanUrl, trustedHosts, version, httpsPort, timeouts,
                DEFAULT_MAX_FORWARDS);
    }

    /** The public HTTP port machines use, for the httpboot module's {@code http_port}. */
    int httpPort() {
        int port = templateUrl.getPort();
        return port >= 0 ? port : "https".equalsIgnoreCase(templateUrl.getScheme()) ? 443 : 80;
    }

    /**
     * @param connect        TCP/TLS connect timeout to Foreman and to download servers (smart-proxy's
     *                       tftp_connect_timeout, 10 s)
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
