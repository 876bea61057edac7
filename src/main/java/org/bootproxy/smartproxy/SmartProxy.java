package org.bootproxy.smartproxy;

import io.javalin.http.Handler;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.bootproxy.support.Route;

/**
 * The Foreman Smart Proxy API: what lets Foreman register bootproxy as a proxy with the TFTP, Templates and
 * HTTPBoot features and drive it as it drives smart-proxy. The composition root adds {@link #routes} to the
 * HTTP server and hands {@link #unattendedFallback()} the unattended requests bootproxy cannot answer itself.
 *
 * <ul>
 *   <li>{@link RootApi}: {@code /features}, {@code /version}, {@code /v2/features}</li>
 *   <li>{@link TftpApi}: {@code /tftp/*}, files into the TFTP root, boot file downloads</li>
 *   <li>{@link TemplatesApi} and {@link ForemanForwarder}: {@code /unattended/templateServer}, forwarding</li>
 *   <li>{@link Access}: the management routes only for trusted clients, 403 otherwise</li>
 * </ul>
 *
 * HTTP boot ({@code /httpboot/*}) is served by the HTTP side from the TFTP root; this reports its state.
 * The routes are declared as {@link Route}s with their stage and error style: the HTTP side's route table takes
 * them as they are.
 */
public final class SmartProxy implements AutoCloseable {
    private static final int DOWNLOAD_THREADS = 4;
    /** How long the name of a plain-HTTP client of the management API is remembered (trusted_hosts). */
    static final Duration CLIENT_NAME_TTL = Duration.ofSeconds(60);
    /** Threads that handle Foreman's answers to forwarded requests (none waits for one). */
    private static final int FORWARD_THREADS = 4;

    private final Access access;
    private final RootApi root;
    private final TftpApi tftp;
    private final TemplatesApi templates;
    private final Optional<ForemanForwarder> forwarder;
    private final ExecutorService downloads;
    private final ExecutorService forwards;
    private final SmartProxySettings.TemplatesFrom templatesFrom;

    /**
     * @param tls the proxy's certificate and CA (ssl_*), presented to an https {@code foreman_url}; empty = the
     *            JVM's trust store and no client certificate
     */
    public SmartProxy(SmartProxySettings settings, ModuleStates states, Optional<SSLContext> tls) {
        this(settings, states, tls, NameResolver.SYSTEM);
    }

    /**
     * @param tls      the TLS towards an https {@code foreman_url} (foreman_ssl_*, else ssl_*); empty = the JVM's trust
     *                 store and no client certificate
     * @param resolver names the addresses of plain-HTTP clients for {@code trusted_hosts}
     */
    public SmartProxy(SmartProxySettings settings, ModuleStates states, Optional<SSLContext> tls, NameResolver resolver) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(states, "states");
        SmartProxySettings.Timeouts t = settings.timeouts();
        this.downloads = Executors.newFixedThreadPool(DOWNLOAD_THREADS, daemons("boot-file-"));
        this.forwards = Executors.newFixedThreadPool(FORWARD_THREADS, daemons("foreman-forward-"));
        SmartProxySettings.Downloads d = settings.downloads();
        this.templatesFrom = settings.templatesFrom();
        TftpRootFiles files = new TftpRootFiles(settings.tftpRoot());
        this.access = new Access(settings.trustedHosts(), new ClientNames(Objects.requireNonNull(resolver, "resolver"),
                settings.forwardVerify(), CLIENT_NAME_TTL, Clock.systemUTC()));
        this.root = new RootApi(settings, states);
        this.tftp = new TftpApi(files, new BootFileFetcher(files, downloadClient(d), d, t, downloads), settings.tftpServername(), states);
        this.forwarder = settings.foremanUrl().map(url -> new ForemanForwarder(url, settings.templateUrl(),
                foremanClient(url, tls, t, forwards), t.foremanAnswer(), settings.maxForwards()));
        this.templates = new TemplatesApi(settings.templateUrl(), forwarder);
    }

    /** The client of http(s) boot file downloads: tftp_connect_timeout, and no certificate check without verify_server_cert. */
    static HttpClient downloadClient(SmartProxySettings.Downloads d) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(d.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        if (!d.verifyServerCert()) {
            b.sslContext(InsecureTls.context());
        }
        return b.build();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static HttpClient foremanClient(URI url, Optional<SSLContext> tls, SmartProxySettings.Timeouts t,
                                            ExecutorService executor) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(t.connect()).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).executor(executor);
        if ("https".equalsIgnoreCase(url.getScheme())) {
            tls.ifPresent(b::sslContext);
        }
        return b.build();
    }

    /** The smart-proxy routes; they must come before bootproxy's own ({@code /unattended/{kind}}). */
    public List<Route<Handler>> routes() {
        List<Route<Handler>> all = new ArrayList<>(root.routes(access));
        all.addAll(tftp.routes(access));
        all.addAll(templates.routes(access));
        return List.copyOf(all);
    }

    /**
     * {@code handler} behind the management trust ({@code trusted_hosts}, client certificates over HTTPS): other clients
     * get smart-proxy's 403. For bootproxy's own operator calls (removing a discovered machine, rebuilding a host).
     */
    public Handler trusted(Handler handler) {
        return access.management(handler);
    }

    /**
     * Forwards to Foreman what bootproxy cannot answer (templates_from local-first), or everything (foreman); empty when
     * no foreman_url is set or templates_from is local.
     */
    public Optional<Handler> unattendedFallback() {
        return templatesFrom == SmartProxySettings.TemplatesFrom.LOCAL ? Optional.empty() : forwarder.map(f -> f);
    }

    /** Whether the fallback answers every unattended, report and cloud-init request first (templates_from foreman). */
    public boolean forwardsFirst() {
        return templatesFrom == SmartProxySettings.TemplatesFrom.FOREMAN && forwarder.isPresent();
    }

    /** Stops running downloads and forwards. */
    @Override
    public void close() {
        downloads.shutdownNow();
        forwards.shutdownNow();
    }
}
