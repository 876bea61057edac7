package org.bootproxy.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How the HTTP side listens and whom it believes; built once by the composition root from the config.
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
                           Optional<Path> httpbootDir, Optional<Https> https, HttpLimits limits) {

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

    /** With the default {@link HttpLimits}. */
    public HttpSettings(String host, int port, List<Cidr> trustedProxies, Optional<Path> assetsDir,
                        Optional<Path> httpbootDir, Optional<Https> https) {
        this(host, port, trustedProxies, assetsDir, httpbootDir, https, HttpLimits.DEFAULTS);
    }

    /**
     * The HTTPS listener, next to the plain HTTP one (iPXE and installers stay on HTTP). Clients are asked for a
     * certificate but not required to show one: the routes that need one (Foreman's management API) check it
     * themselves and answer 403, as smart-proxy does.
     *
     * @param host    address to bind, e.g. "0.0.0.0"
     * @param port    TCP port (smart-proxy's convention is 8443); 0 picks a free one (see {@link HttpServer#httpsPort()})
     * @param context the server certificate and key, and the CA(s) whose client certificates are accepted
     */
    public record Https(String host, int port, SSLContext context) {
        public Https {
            host = host == null || host.isBlank() ? "0.0.0.0" : host.trim();
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("HTTPS port must be 0..65535, not " + port);
            }
            Objects.requireNonNull(context, "context");
        }
    }
}
