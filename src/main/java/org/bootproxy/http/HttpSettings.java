package org.bootproxy.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP side listens and whom it believes.
 *
 * @param host           address to bind, e.g. "0.0.0.0" (all IPv4), "::" (all) or "192.0.2.1"
 * @param port           TCP port; 0 picks a free one (see {@link HttpServer#port()})
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} is believed; from anyone else the
 *                       header is ignored and the socket's address is the client
 * @param assetsDir      directory served under {@code /pub/} (kernels, initrds); empty = {@code /pub/} answers 404
 * @param httpbootDir    directory served under {@code /httpboot/} (the TFTP root, for UEFI HTTP boot); empty = 404
 * @param https          an HTTPS listener as well, with the same routes; empty = plain HTTP only
 * @param limits         how much is taken on at once (workers, downloads, bodies) and the read deadlines
 */
public record HttpSettings(String host, int port, List<Cidr> trustedProxies, Optional<Path> assetsDir,
                           Optional<Path> httpbootDir, Optional<HttpsSettings> https, HttpLimits limits) {

    public HttpSettings {
        host = host == null || host.isBlank() ? "0.0.0.0" : host.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTP port must be 0..65535, not " + port);
        }
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        assetsDir = Objects.requireNonNullElse(assetsDir, Optional.empty());
        httpbootDir = Objects.requireNonNullElse(httpbootDir, Optional.empty());
        https = Objects.requireNonNullElse(https, Optional.empty());
        limits = Objects.requireNonNullElse(limits, HttpLimits.DEFAULTS);
    }

    /** Plain HTTP without {@code /httpboot/}. */
    public HttpSettings(String host, int port, List<Cidr> trustedProxies, Optional<Path> assetsDir) {
        this(host, port, trustedProxies, assetsDir, Optional.empty(), Optional.empty(), HttpLimits.DEFAULTS);
    }

    /** Loopback on a free port, nothing trusted, no assets: for tests and previews. */
    public static HttpSettings loopback() {
        return new HttpSettings("127.0.0.1", 0, List.of(), Optional.empty());
    }

    public HttpSettings withAssetsDir(Path dir) {
        return new HttpSettings(host, port, trustedProxies, Optional.of(dir), httpbootDir, https, limits);
    }

    public HttpSettings withTrustedProxies(List<Cidr> proxies) {
        return new HttpSettings(host, port, proxies, assetsDir, httpbootDir, https, limits);
    }

    public HttpSettings withHttpbootDir(Path dir) {
        return new HttpSettings(host, port, trustedProxies, assetsDir, Optional.of(dir), https, limits);
    }

    public HttpSettings withHttps(HttpsSettings listener) {
        return new HttpSettings(host, port, trustedProxies, assetsDir, httpbootDir, Optional.of(listener), limits);
    }

    public HttpSettings withLimits(HttpLimits newLimits) {
        return new HttpSettings(host, port, trustedProxies, assetsDir, httpbootDir, https, newLimits);
    }
}
