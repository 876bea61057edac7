package org.bootproxy.http;

import io.javalin.config.JavalinConfig;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bootproxy.support.OnFatalError;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The plain HTTP listener, plus an HTTPS one on the same routes when configured, HTTP first (Javalin's
 * {@code port()} reports the first). Both are {@link GuardedConnector}s with the configured idle timeout and an accept
 * queue long enough for a rack that powers on at once (Java's default of 50 drops the rest of a burst of
 * connections, which then wait a second or more for their SYN to be sent again). On HTTPS a
 * client certificate is asked for, not required: the routes that need one say so with a 403, and the certificate
 * reaches them as the servlet attribute {@code jakarta.servlet.request.X509Certificate}.
 */
final class Listeners {
    /** Connections the kernel may queue before the acceptor takes them (capped by net.core.somaxconn). */
    private static final int ACCEPT_QUEUE = 4096;
    /**
     * Bytes the kernel may hold for one connection's answer. Linux grows a send buffer up to 4 MiB for a client that
     * reads slowly, so 300 slow downloads could pin over a gigabyte of kernel memory and cost that much copying
     * before the first of them blocks; 256 KiB still fills a gigabit LAN link (about 2 ms of it).
     */
    private static final int SEND_BUFFER = 256 * 1024;
    private final AtomicReference<ServerConnector> https = new AtomicReference<>();

    void add(JavalinConfig cfg, HttpSettings settings, OnFatalError onFatal) {
        long idleMs = settings.limits().idleTimeout().toMillis();
        cfg.jetty.addConnector((server, config) -> {
            ServerConnector plain = new GuardedConnector(server, onFatal, new HttpConnectionFactory(config));
            plain.setHost(settings.host());
            plain.setPort(settings.port());
            plain.setIdleTimeout(idleMs);
            plain.setAcceptQueueSize(ACCEPT_QUEUE);
            plain.setAcceptedSendBufferSize(SEND_BUFFER);
            return plain;
        });
        Optional<HttpSettings.Https> tls = settings.https();
        if (tls.isEmpty()) {
            return;
        }
        cfg.jetty.addConnector((server, config) -> {
            HttpConfiguration secure = new HttpConfiguration(config);
            SecureRequestCustomizer customizer = new SecureRequestCustomizer();
            // Foreman may reach the proxy by an address or alias its certificate does not name
            customizer.setSniHostCheck(false);
            secure.addCustomizer(customizer);
            SslContextFactory.Server factory = new SslContextFactory.Server();
            factory.setSslContext(tls.get().context());
            factory.setWantClientAuth(true);
            ServerConnector connector = new GuardedConnector(server, onFatal,
                    new SslConnectionFactory(factory, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(secure));
            connector.setName("https");
            connector.setHost(tls.get().host());
            connector.setPort(tls.get().port());
            connector.setIdleTimeout(idleMs);
            connector.setAcceptQueueSize(ACCEPT_QUEUE);
            connector.setAcceptedSendBufferSize(SEND_BUFFER);
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
