package org.bootproxy.http;

import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * The HTTPS listener, next to the plain HTTP one (iPXE and installers stay on HTTP). Clients are asked for a
 * certificate but not required to show one: the routes that need one (Foreman's management API) check it
 * themselves and answer 403, as smart-proxy does.
 *
 * @param host    address to bind, e.g. "0.0.0.0"
 * @param port    TCP port (smart-proxy's convention is 8443); 0 picks a free one (see {@link HttpServer#httpsPort()})
 * @param context the server certificate and key, and the CA(s) whose client certificates are accepted
 */
public record HttpsSettings(String host, int port, SSLContext context) {
    public HttpsSettings {
        host = host == null || host.isBlank() ? "0.0.0.0" : host.trim();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("HTTPS port must be 0..65535, not " + port);
        }
        Objects.requireNonNull(context, "context");
    }
}
