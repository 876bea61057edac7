package org.bootproxy.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.Overrides;
import org.bootproxy.http.Cidr;
import org.bootproxy.inventory.file.FileWatch;
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.OpsRoutes;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettings;
import org.bootproxy.smartproxy.Feature;
import org.bootproxy.smartproxy.ModuleStates;
import org.bootproxy.smartproxy.SmartProxy;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.tftp.PortRange;
import org.bootproxy.tftp.TftpServer;
import org.bootproxy.tftp.TftpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bootproxy serve}: the server. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {
            "Serve TFTP (pxelinux.0, rendered pxelinux.cfg/01-<mac>, …) and HTTP (/unattended/iPXE, "
                + "/unattended/provision, /unattended/built, /userdata, /pub, /healthz) for one provisioning segment "
                + "until stopped (Ctrl-C or SIGTERM), with Foreman's smart-proxy API (/features, /v2/features, /tftp, "
                + "/unattended/templateServer, /httpboot; HTTPS when ssl_certificate, ssl_private_key and ssl_ca_file "
                + "are set).",
            "Settings come from --config FILE, overridden by these flags. Binding TFTP port 69 needs root or "
                + "CAP_NET_BIND_SERVICE; if TFTP cannot start, HTTP keeps running and the error says why."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOptions site;

    @Option(names = "--http-address", paramLabel = "HOST:PORT",
            description = "Where HTTP listens (config key: http_address). Default: " + BootproxyConfig.DEFAULT_HTTP)
    String httpAddress;

    @Option(names = "--tftp-address", paramLabel = "HOST:PORT",
            description = "Where TFTP listens (config key: tftp_address). Default: " + BootproxyConfig.DEFAULT_TFTP
                    + ". Bind the provisioning address: replies then come from the address PXE ROMs expect")
    String tftpAddress;

    @Option(names = "--tftp-root", paramLabel = "DIR",
            description = "Static TFTP files: pxelinux.0, ldlinux.c32, ipxe.lkrn, … (config key: tftproot). Default: ./tftpboot."
                    + " Fill it with 'bootproxy bootfiles'. A file here wins over a rendered one of the same name")
    String tftpRoot;

    @Option(names = "--assets", paramLabel = "DIR",
            description = "Files served under /pub/ over HTTP, e.g. kernels and initrds (config key: assets). Default: none")
    String assets;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL machines reach this server at, written into chain URLs and kernel command lines"
                    + " (config key: template_url). Default: http://<http address> (for 0.0.0.0, this machine's first IPv4)")
    String publicUrl;

    @Override
    public Integer call() throws InterruptedException {
        BootproxyConfig s = common.resolve(site.over(new Overrides(httpAddress, tftpAddress, tftpRoot, null, null, assets,
                null, publicUrl)));
        Observability events = Observability.create();
        Components c = Components.build(s, events.guarded());

        LOG.info("bootproxy {} starting", VersionProvider.version());
        LOG.info("config:    {}", common.config == null ? "none (defaults and flags)" : common.config);
        LOG.info("inventory: {}", c.inventory().describe());
        c.problems().forEach(p -> LOG.error("host file problem: {}", p));
        LOG.info("templates: {} ({} templates)", s.templates(), c.renderer().names().size());
        LOG.info("state:     {}", s.stateDir());
        if (s.publicUrlDerived()) {
            LOG.warn("public URL {} {}: if machines reach this server at another address, set --public-url (config key"
                    + " template_url)", s.publicUrl(), s.publicUrlGuess());
        } else {
            LOG.info("public URL: {}", s.publicUrl());
        }

        Running running;
        try {
            running = start(s, c, events);
        } catch (HttpCannotListen e) {
            LOG.error("HTTP cannot listen on {}{}: {} (is another process using the port? choose another with --http-address"
                    + " or https_address)", s.httpAddress(), s.smartProxy().https().map(h -> " or HTTPS on " + h.address()).orElse(""),
                    rootMessage(e));
            return 2;
        }
        FileWatch watch = c.watch();
        LOG.info("ready: hand iPXE clients {}/unattended/iPXE?bootstrap=1 and PXE clients pxelinux.0 (next-server {})",
                s.publicUrl(), s.nextServer());

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            watch.close();
            running.stop();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /** What {@code serve} runs: HTTP (and HTTPS), TFTP and the smart-proxy API with its modules' states. */
    record Running(HttpServer http, Optional<TftpServer> tftp, SmartProxy proxy) {
        void stop() {
            tftp.ifPresent(TftpServer::stop);
            http.stop();
            proxy.close();
        }
    }

    /** HTTP could not bind its port(s). */
    static final class HttpCannotListen extends RuntimeException {
        HttpCannotListen(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Starts the servers. A module that cannot start is reported {@code failed} on /v2/features and the rest
     * keep running; only HTTP failing to listen stops bootproxy.
     */
    static Running start(BootproxyConfig s, Components c, Observability events) {
        removeAbandonedTemporaryFiles(s);
        ModuleStates states = new ModuleStates();
        Optional<SSLContext> tls = SmartProxyWiring.tls(s);
        SmartProxy proxy = SmartProxyWiring.smartProxy(s, states, tls);
        Optional<HttpSettings.Https> https = SmartProxyWiring.https(s, tls);
        Optional<Path> httpboot = Optional.of(s.tftpRoot()).filter(Files::isDirectory);
        if (httpboot.isPresent()) {
            states.set(Feature.HTTPBOOT, ModuleStates.State.RUNNING);
        } else {
            LOG.warn("HTTP boot: the TFTP root {} is not a directory, so /httpboot/ serves nothing", s.tftpRoot().toAbsolutePath());
            states.set(Feature.HTTPBOOT, ModuleStates.State.FAILED);
        }
        HttpServer http = new HttpServer(c.boot(), httpSettings(s, httpboot, https), events.guarded(), Clock.systemUTC(),
                new HttpExtensions(List.of(proxy::routes, ops(events)::routes), proxy.unattendedFallback()));
        try {
            http.start();
        } catch (RuntimeException e) {
            proxy.close();
            throw cannotListen(e) ? new HttpCannotListen(e) : e;
        }
        states.set(Feature.TEMPLATES, ModuleStates.State.RUNNING);
        LOG.info("HTTP:      listening on {}{}", s.httpAddress(), https.map(h -> ", HTTPS on " + h.host() + ":" + http.httpsPort()).orElse(""));
        LOG.info("Foreman:   smart-proxy API up, forwarding to {}; {}", s.smartProxy().foremanUrl().map(Object::toString)
                .orElse("nobody (no foreman_url)"), https.map(h -> "register it with: hammer proxy create --name NAME"
                + " --url https://<the name in ssl_certificate>:" + http.httpsPort())
                .orElse("no HTTPS (set ssl_certificate, ssl_private_key and ssl_ca_file for Foreman to register it)"));

        TftpServer tftp = null;
        if (s.tftp().enabled()) {
            tftp = new TftpServer(c.boot(), events.guarded(), tftpSettings(s));
            try {
                tftp.start();
                states.set(Feature.TFTP, ModuleStates.State.RUNNING);
                LOG.info("TFTP:      listening on {}, root {}", s.tftpAddress(), s.tftpRoot().toAbsolutePath());
            } catch (IOException e) {
                LOG.error("TFTP cannot listen on {}: {}. Port 69 needs root or CAP_NET_BIND_SERVICE"
                        + " (setcap 'cap_net_bind_service=+ep' on java), or test with --tftp-address 0.0.0.0:6969."
                        + " HTTP keeps running.", s.tftpAddress(), rootMessage(e));
                states.set(Feature.TFTP, ModuleStates.State.FAILED);
                tftp = null;
            }
        } else {
            LOG.info("TFTP:      disabled (tftp.enabled: false)");
            states.set(Feature.TFTP, ModuleStates.State.DISABLED);
        }
        return new Running(http, Optional.ofNullable(tftp), proxy);
    }

    /**
     * Temporary files a killed or crashed bootproxy left in the folders it writes atomically (the TFTP root:
     * Foreman's configs and downloads, {@code bootfiles}; the state folder: build results) are removed before
     * anything is served. Roots never serve them anyway; this keeps them from piling up.
     */
    static void removeAbandonedTemporaryFiles(BootproxyConfig s) {
        for (Path dir : List.of(s.tftpRoot(), s.stateDir())) {
            AtomicFile.Cleanup c = AtomicFile.removeAbandoned(dir);
            if (!c.removed().isEmpty()) {
                LOG.info("removed {} temporary file(s) an interrupted write left under {}: {}", c.removed().size(),
                        dir.toAbsolutePath(), c.removed().stream().map(p -> dir.relativize(p).toString()).toList());
            }
            c.problems().forEach(p -> LOG.warn("temporary files left by an interrupted write: {}", p));
        }
    }

    /** Whether the server failed to bind its socket (port taken, no permission, address not ours); else it is a bug. */
    static boolean cannotListen(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static OpsRoutes ops(Observability o) {
        return new OpsRoutes(o.metrics()::scrape, mac -> o.timeline().timeline(mac.colons()));
    }

    static HttpSettings httpSettings(BootproxyConfig s, Optional<Path> httpbootDir, Optional<HttpSettings.Https> https) {
        List<Cidr> proxies = s.trustedProxies().stream().map(p -> {
            try {
                return Cidr.parse(p);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("trusted_proxies: '" + p + "' is not an address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/24)");
            }
        }).toList();
        return new HttpSettings(s.httpAddress().host(), s.httpAddress().port(), proxies, s.assets(), httpbootDir, https);
    }

    static TftpSettings tftpSettings(BootproxyConfig s) {
        InetAddress address;
        try {
            address = InetAddress.getByName(s.tftpAddress().host());
        } catch (UnknownHostException e) {
            throw new ConfigException("tftp_address: cannot resolve '" + s.tftpAddress().host()
                    + "'; give an IP address of this machine, e.g. 192.0.2.1:69");
        }
        var t = s.tftp();
        return new TftpSettings(address, s.tftpAddress().port(), s.tftpRoot(), t.maxBlksize(), t.maxWindowsize(),
                t.maxTransfers(), Duration.ofMillis(t.timeoutMs()), t.retries(), TftpSettings.DEFAULT_IDLE_TIMEOUT,
                PortRange.ANY, t.maxTransfersPerClient());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
