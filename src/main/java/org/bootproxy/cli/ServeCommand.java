package org.bootproxy.cli;

import io.javalin.http.Handler;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.Overrides;
import org.bootproxy.http.Cidr;
import org.bootproxy.inventory.file.FileWatch;
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.OpsRoutes;
import org.bootproxy.http.MachinesRoutes;
import org.bootproxy.support.Causes;
import org.bootproxy.ui.Dashboard;
import org.bootproxy.ui.DashboardSources;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Readiness;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettings;
import org.bootproxy.support.OnFatalError;
import org.bootproxy.logging.LogFormat;
import org.bootproxy.logging.LogOutput;
import org.bootproxy.smartproxy.Feature;
import org.bootproxy.smartproxy.ModuleStates;
import org.bootproxy.smartproxy.SmartProxy;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.support.Route;
import org.bootproxy.tftp.PortRange;
import org.bootproxy.tftp.TftpServer;
import org.bootproxy.tftp.TftpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bootproxy serve}: the server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve TFTP (pxelinux.0, rendered pxelinux.cfg/01-<mac>, …) and HTTP (/unattended/iPXE, "
                + "/unattended/provision, /unattended/built, /userdata, /ignition, /pub, /healthz) for one provisioning "
                + "segment until stopped (Ctrl-C or SIGTERM), with Foreman's smart-proxy API (/features, /v2/features, "
                + "/tftp, /unattended/templateServer, /httpboot; HTTPS when ssl_certificate, ssl_private_key and "
                + "ssl_ca_file are set).",
            "Settings come from --config FILE, overridden by these flags; every path it uses is printed at start. Host, "
                + "group and profile files are read again within a second of a change, and a mistake in one is logged "
                + "then.",
            "Binding TFTP port 69 needs root or CAP_NET_BIND_SERVICE; if TFTP or HTTP cannot listen, serve exits with "
                + "code 4 and the reason (--tftp-optional keeps HTTP running without TFTP). A configuration mistake: "
                + "code 2.",
            "SIGHUP (systemctl reload bootproxy, bootproxy reload) re-reads the configuration; a broken one is refused "
                + "and the running one keeps serving."})
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
            description = "Static TFTP files: pxelinux.0, ldlinux.c32, ipxe.lkrn, … (config key: tftproot). Default: tftpboot/ beside the config file."
                    + " Fill it with 'bootproxy bootfiles'. A file here wins over a rendered one of the same name")
    String tftpRoot;

    @Option(names = "--assets", paramLabel = "DIR",
            description = "Files served under /pub/ over HTTP, e.g. kernels and initrds (config key: assets). Default: none")
    String assets;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL machines reach this server at, written into chain URLs and kernel command lines"
                    + " (config key: template_url). Default: http://<http address> (for 0.0.0.0, this machine's first IPv4)")
    String publicUrl;

    @Option(names = "--tftp-optional",
            description = "When TFTP cannot listen, keep serving HTTP only (TFTP reported failed on /v2/features) instead"
                    + " of exiting (config key: tftp.optional)")
    boolean tftpOptional;

    @Option(names = "--log-format", paramLabel = "plain|json", defaultValue = "${env:BOOTPROXY_LOG_FORMAT:-plain}",
            description = "plain: one text line per event (default); json: one JSON object per line with time, level,"
                    + " logger, message, mac, client, stage, host, for journald/ELK (or $BOOTPROXY_LOG_FORMAT)")
    String logFormat;

    @Override
    public Integer call() throws InterruptedException {
        LogFormat format;
        try {
            format = LogFormat.parse(logFormat);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--log-format: " + e.getMessage());
        }
        format.apply();
        // the host files read next stay live: the heap makes room for them in one step, not three (StartupHeap)
        StartupHeap heap = StartupHeap.growInLargeSteps();
        Overrides flags = site.over(new Overrides(httpAddress, tftpAddress, tftpRoot, null, null, assets, null, publicUrl));
        BootproxyConfig s = common.resolve(flags);
        Observability events = Observability.create(s.timeline());
        DiscoveryWiring.Discovery discovery = DiscoveryWiring.start(s, events.guarded(), Clock.systemUTC());
        Components c = Components.build(s, events.guarded(), Components.buildStates(s), discovery.registry(),
                events.metrics());

        LOG.info("bootproxy {} starting (pid {})", VersionProvider.version(), ProcessHandle.current().pid());
        ResolvedPaths.describe(Optional.ofNullable(common.config), s).forEach(line -> LOG.info("{}", line));
        LOG.info("inventory: {}", c.inventory().describe());
        c.problems().forEach(p -> LOG.error("site file problem: {}", p));
        c.live().current().startBackground();
        LOG.info("templates: {} templates", c.renderer().names().size());
        if (s.publicUrlDerived()) {
            LOG.warn("public URL {} {}: if machines reach this server at another address, set --public-url (config key"
                    + " template_url)", s.publicUrl(), s.publicUrlGuess());
        } else {
            LOG.info("public URL: {}", s.publicUrl());
        }

        // SIGHUP reloads from now on: before this the JVM's default would end the process
        long pid = ProcessHandle.current().pid();
        RunFiles run = new RunFiles(s.stateDir());
        Reloader reloader = new Reloader(() -> common.resolve(flags),
                common.config == null ? "the defaults and flags" : common.config.toAbsolutePath().toString(), s, c.live());
        AtomicLong reloads = new AtomicLong();
        HangupSignal.install(() -> {
            Reloader.Outcome o = reloader.reload("SIGHUP");
            try {
                run.writeStatus(new RunFiles.Status(reloads.incrementAndGet(), o.applied(), o.message()));
            } catch (IOException e) {
                LOG.warn("cannot write {}: {} ('bootproxy reload' will not see the outcome)", run.statusFile(), e.getMessage());
            }
        });

        ExitOnFatalError onFatal = new ExitOnFatalError();
        Running running;
        try {
            running = start(s, c, events, discovery, tftpOptional || s.tftp().optional(), onFatal, true);
        } catch (HttpCannotListen e) {
            discovery.close();
            LOG.error("HTTP cannot listen on {}{}: {} (is another process using the port? choose another with --http-address"
                    + " or https_address)", s.httpAddress(), s.smartProxy().https().map(h -> " or HTTPS on " + h.address()).orElse(""),
                    rootMessage(e));
            return CANNOT_LISTEN;
        } catch (TftpCannotListen e) {
            discovery.close();
            LOG.error("{}", e.getMessage());
            return CANNOT_LISTEN;
        } finally {
            heap.close();
        }

        try {
            run.writePid(pid);
        } catch (IOException e) {
            LOG.warn("cannot write {}: {}; 'bootproxy reload' then needs --pid {}", run.pidFile(), e.getMessage(), pid);
        }
        onFatal.watchAllThreads();
        LOG.info("ready: hand iPXE clients {}/unattended/iPXE?bootstrap=1, BIOS PXE clients pxelinux.0 and UEFI PXE clients"
                + " grub2/shimx64.efi (Secure Boot) or snponly.efi (next-server {}); GRUB reads {}; reload with SIGHUP (pid {})",
                s.publicUrl(), s.nextServer(), String.join(" or ", s.boot().grub().entryConfigs()), pid);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            running.stop();
            run.removePid(pid);
            stopped.countDown();
            LogOutput.flush(); // the lines still queued, before the JVM halts
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /** Exit code when HTTP or TFTP cannot listen (configuration mistakes exit 2, see Main; 3 is the JVM's on OutOfMemoryError). */
    static final int CANNOT_LISTEN = 4;

    /**
     * What {@code serve} runs: HTTP (and HTTPS), TFTP and the smart-proxy API with its modules' states.
     *
     * @param watch reads the site's files again in the background (lookups never read them)
     */
    record Running(HttpServer http, Optional<TftpServer> tftp, SmartProxy proxy, DiscoveryWiring.Discovery discovery,
                   FileWatch watch) {
        void stop() {
            watch.close();
            tftp.ifPresent(TftpServer::stop);
            http.stop();
            proxy.close();
            discovery.close();
        }
    }

    /** TFTP is enabled, not optional, and could not bind its port; the message says why and what to do. */
    static final class TftpCannotListen extends RuntimeException {
        TftpCannotListen(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** HTTP could not bind its port(s). */
    static final class HttpCannotListen extends RuntimeException {
        HttpCannotListen(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Starts the servers; TFTP may fail only when {@code tftp.optional} is set. For tests: an error the process should
     * not survive is logged, not acted on.
     */
    static Running start(BootproxyConfig s, Components c, Observability events, DiscoveryWiring.Discovery discovery) {
        return start(s, c, events, discovery, s.tftp().optional(),
                (where, cause) -> LOG.error("fatal error in {} (not ending this process)", where, cause), false);
    }

    /**
     * Starts the servers. HTTP failing to listen stops bootproxy ({@link HttpCannotListen}), and so does TFTP
     * ({@link TftpCannotListen}) unless {@code tftpOptional}: then TFTP is reported {@code failed} on /v2/features and
     * HTTP keeps running.
     *
     * @param onFatal what an error the process should not survive does ({@link ExitOnFatalError} in {@code serve})
     * @param warm    answer a few requests to itself before saying ready, so the first machine is answered at full
     *                speed ({@link WarmUpPlan})
     */
    static Running start(BootproxyConfig s, Components c, Observability events, DiscoveryWiring.Discovery discovery,
                         boolean tftpOptional, OnFatalError onFatal, boolean warm) {
        removeAbandonedTemporaryFiles(s);
        ModuleStates states = new ModuleStates();
        Optional<SSLContext> tls = SmartProxyWiring.tls(s);
        SmartProxy proxy = SmartProxyWiring.smartProxy(s, states);
        Optional<HttpSettings.Https> https = SmartProxyWiring.https(s, tls);
        ReadinessChecks readiness = new ReadinessChecks(s, c, events, states, Clock.systemUTC());
        events.metrics().gaugeDiscoveredMachines(() -> discovery.registry().all().size());
        // /httpboot/ serves the TFTP root once it exists, also when it appears after start
        states.set(Feature.HTTPBOOT, ModuleStates.State.RUNNING);
        if (!Files.isDirectory(s.tftpRoot())) {
            LOG.warn("HTTP boot: the TFTP root {} does not exist yet; /httpboot/ serves it once it does ('bootproxy bootfiles'"
                    + " creates and fills it)", s.tftpRoot());
        }
        List<Route<Handler>> moduleRoutes = new ArrayList<>(proxy.routes());
        moduleRoutes.addAll(ops(events, readiness).routes());
        moduleRoutes.addAll(new MachinesRoutes(discovery.registry(), c.boot(), proxy::trusted).routes());
        moduleRoutes.addAll(dashboard(c, events, discovery, readiness).routes());
        HttpServer http = new HttpServer(c.boot(), httpSettings(s, Optional.of(s.tftpRoot()), https), events.guarded(),
                Clock.systemUTC(), new HttpExtensions(moduleRoutes, proxy.unattendedFallback(), proxy.forwardsFirst()),
                onFatal);
        try {
            if (warm) {
                c.boot().warmUp(c.inventory().all().stream().findFirst(), WarmUpPlan.BUDGET.dividedBy(3));
                http.startWarm(WarmUpPlan.paths(c), WarmUpPlan.ROUNDS, WarmUpPlan.BUDGET.minus(WarmUpPlan.BUDGET.dividedBy(3)));
            } else {
                http.start();
            }
        } catch (RuntimeException e) {
            proxy.close();
            throw cannotListen(e) ? new HttpCannotListen(e) : e;
        }
        states.set(Feature.TEMPLATES, ModuleStates.State.RUNNING);
        LOG.info("HTTP:      listening on {}{}", s.httpAddress(), https.map(h -> ", HTTPS on " + h.host() + ":" + http.httpsPort()).orElse(""));
        LOG.info("Foreman:   smart-proxy API up, forwarding to {} (templates_from {}); {}", s.smartProxy().foremanUrl()
                .map(Object::toString).orElse("nobody (no foreman_url)"), s.smartProxy().templatesFrom().id(),
                https.map(h -> "register it with: hammer proxy create --name NAME"
                + " --url https://<the name in ssl_certificate>:" + http.httpsPort())
                .orElse("no HTTPS (set ssl_certificate, ssl_private_key and ssl_ca_file for Foreman to register it)"));
        if (s.smartProxy().foremanUrl().isPresent() && s.smartProxy().version().isEmpty()) {
            LOG.info("Foreman:   /version reports bootproxy's own version {}, so Foreman's proxy page warns that core and"
                    + " proxy versions do not match; set smart_proxy_version to your Foreman's version (e.g. 3.13.0)",
                    VersionProvider.version());
        }

        TftpServer tftp = null;
        if (s.tftp().enabled()) {
            tftp = new TftpServer(c.boot(), events.guarded(), tftpSettings(s), Clock.systemUTC(), onFatal);
            try {
                tftp.start();
                states.set(Feature.TFTP, ModuleStates.State.RUNNING);
                LOG.info("TFTP:      listening on {}, root {}", s.tftpAddress(), s.tftpRoot().toAbsolutePath());
            } catch (IOException e) {
                String why = "TFTP cannot listen on " + s.tftpAddress() + ": " + rootMessage(e) + ". Port 69 needs root or"
                        + " CAP_NET_BIND_SERVICE (the systemd unit grants it; by hand: setcap 'cap_net_bind_service=+ep' on"
                        + " java), and no other TFTP server (tftpd-hpa, dnsmasq's enable-tftp) may hold it; or test with"
                        + " --tftp-address 0.0.0.0:6969";
                if (!tftpOptional) {
                    http.stop();
                    proxy.close();
                    throw new TftpCannotListen(why + ". Stopping: set tftp.optional: true (or --tftp-optional) to serve"
                            + " HTTP only when TFTP cannot listen", e);
                }
                LOG.error("{}. HTTP keeps running (tftp.optional: true)", why);
                states.set(Feature.TFTP, ModuleStates.State.FAILED);
                tftp = null;
            }
        } else {
            LOG.info("TFTP:      disabled (tftp.enabled: false)");
            states.set(Feature.TFTP, ModuleStates.State.DISABLED);
        }
        return new Running(http, Optional.ofNullable(tftp), proxy, discovery, c.watch());
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
        return Causes.first(e, IOException.class).isPresent();
    }

    private static Dashboard dashboard(Components c, Observability o, DiscoveryWiring.Discovery discovery,
                                       Supplier<Readiness> readiness) {
        return new Dashboard(new DashboardSources(() -> c.inventory().all(), h -> c.boot().recordedBuild(h),
                mac -> o.timeline().timeline(mac), o.timeline()::latest, discovery.registry()::all, readiness,
                o.metrics()::lookupCounts), Clock.systemUTC());
    }

    private static OpsRoutes ops(Observability o, Supplier<Readiness> readiness) {
        return new OpsRoutes(o.metrics()::scrape, new OpsRoutes.Timeline() {
            @Override
            public List<BootEvent> events(MacAddress mac) {
                return o.timeline().timeline(mac.colons());
            }

            @Override
            public AutoCloseable follow(MacAddress mac, Consumer<BootEvent> sink) {
                return o.timeline().follow(mac.colons(), sink);
            }
        }, readiness);
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
        // GRUB without an http module (Debian's) reads the installer's kernel from /pub/ as TFTP pub/<path>
        return new TftpSettings(address, s.tftpAddress().port(), s.tftpRoot(), t.maxBlksize(), t.maxWindowsize(),
                t.maxTransfers(), Duration.ofMillis(t.timeoutMs()), t.retries(), TftpSettings.DEFAULT_IDLE_TIMEOUT,
                PortRange.ANY, t.maxTransfersPerClient(), s.assets());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = Causes.root(e);
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
