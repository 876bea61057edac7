package org.bootproxy.http;

import io.javalin.config.JavalinConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The plain HTTP listener plus an HTTPS one on the same routes. Javalin opens its own HTTP listener only when
 * no connector is added, so with HTTPS both are added here, HTTP first (Javalin's {@code port()} reports the
 * first). On HTTPS a client certificate is asked for, not required: the routes that need one say so with a
 * 403, and the certificate reaches them as the servlet attribute {@code jakarta.servlet.request.X509Certificate}.
 */
final class Listeners {
    private final AtomicReference<ServerConnector> https = new AtomicReference<>();

    void addHttpAndHttps(JavalinConfig cfg, HttpSettings settings, HttpSettings.Https tls) {
        cfg.jetty.addConnector((server, config) -> {
            ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(config));
            plain.setHost(settings.host());
            plain.setPort(settings.port());
            return plain;
        });
        cfg.jetty.addConnector((server, config) -> {
            HttpConfiguration secure = new HttpConfiguration(config);
            SecureRequestCustomizer customizer = new SecureRequestCustomizer();
            // Foreman may reach the proxy by an address or alias its certificate does not name
            customizer.setSniHostCheck(false);
            secure.addCustomizer(customizer);
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setSslContext(tls.context());
            factory.setWantClientAuth(true);
            ServerConnector connector = new ServerConnector(server,
                    new SslConnectionFactory(factory, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(secure));
            connector.setName("https");
            connector.setHost(tls.host());
            connector.setPort(tls.port());
            https.set(connector);
            return connector;
        });
    }

    /** The bound HTTPS port; -1 without HTTPS or before start. */
    int httpsPort() {
        ServerConnector c = https.get();
        return c == null ? -1 : c.getLocalPort();
    }
}
