package org.bootproxy.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.support.OnFatalError;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bootproxy's HTTP side and its only route table ({@link #routes()}). Foreman-compatible unattended endpoints, the
 * cloud-init seed, the assets directory and a health check, and after them what {@link HttpExtensions} adds:
 *
 * <pre>
 * GET      /healthz                          200 ok
 * GET|POST /unattended/built[/{id}]          the installer finished (201; 405 not in build)
 * POST     /unattended/failed[/{id}]         the installer failed; body = its report (201)
 * GET      /unattended/{kind}[?template=N]   iPXE, PXELinux, PXEGrub2, provision, finish, user_data, ignition, …
 * GET      /ignition?mac=M                   the host's Ignition config (matchbox's URL shape)
 * GET      /userdata[/{mac}]/user-data       cloud-init NoCloud (ds=nocloud-net;s=…/userdata/&lt;mac&gt;/)
 * GET      /userdata[/{mac}]/meta-data
 * GET|HEAD /pub/{path}                       files from the assets directory, with Range
 * GET|HEAD /httpboot/{path}                  files from the TFTP root (UEFI HTTP boot), with Range; GRUB configs
 *                                            and host-folder boot loaders as TFTP serves them
 * GET|HEAD /EFI/BOOT/{path}, /EFI/{path}     the same (smart-proxy's httpboot module maps both to the root)
 * </pre>
 *
 * Every route is a {@link Route}: its stage and error style are set on the request before its handler runs.
 * The same routes answer on HTTPS too when {@link HttpSettings#https()} is set. Anything else is a one-line 404.
 * Failures are turned into answers in one place ({@link ErrorMapper}); each request is logged on one line and
 * recorded as a boot event ({@link RequestLog}).
 *
 * <p>Under load ({@link HttpLimits}): routes that need a worker thread take one of a bounded number of places
 * ({@link Bound}) and are refused at once past it; downloads and request bodies wait for the network without a
 * thread. {@code /healthz} takes no place: it says whether HTTP answers at all. Errors the process should not
 * survive go to {@link OnFatalError}.
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HttpSettings settings;
    private final BootService boot;
    private final Javalin app;
    private final List<Route<Handler>> routes;
    private final ScheduledExecutorService deadlines;
    private final Bound workers;
    private final Listeners listeners = new Listeners();
    private final WarmUp warmUp = new WarmUp();

    /** For tests and previews: a fatal error is only logged, the process is not ended. */
    public HttpServer(BootService boot, HttpSettings settings, BootEvents events, Clock clock, HttpExtensions extensions) {
        this(boot, settings, events, clock, extensions,
                (where, cause) -> log.error("fatal error in {} (this server does not end the process)", where, cause));
    }

    /**
     * @param onFatal what to do about an error the process should not survive (the composition root ends the process)
     * @throws IllegalArgumentException when the assets directory does not exist or is not a directory
     */
    public HttpServer(BootService boot, HttpSettings settings, BootEvents events, Clock clock, HttpExtensions extensions,
                      OnFatalError onFatal) {
        this.boot = Objects.requireNonNull(boot, "boot");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(extensions, "extensions");
        Objects.requireNonNull(onFatal, "onFatal");
        Optional<Path> assets = settings.assetsDir().map(d -> realDirectory("HTTP assets directory", d));
        // the TFTP root may appear after start (bootproxy bootfiles): checked per request, not here
        Optional<Path> httpbootDir = settings.httpbootDir().map(d -> d.toAbsolutePath().normalize());
        HttpLimits limits = settings.limits();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "http-deadlines");
            t.setDaemon(true);
            return t;
        });
        GuardedThreadPool threads = new GuardedThreadPool(limits.threads(), onFatal);
        this.workers = new Bound("requests being answered", limits.workers(), threads::waitedForThread,
                limits.maxQueueWait());
        BootRequestReader reader = new BootRequestReader(settings.trustedProxies());
        ErrorMapper errors = new ErrorMapper(boot.settings().retrySeconds(), onFatal);
        RequestLog requestLog = new RequestLog(events, clock);
        this.routes = table(reader, new Fallback(extensions.unattendedFallback(), extensions.fallbackFirst()), extensions,
                new FileSender(new Bound("downloads being sent", limits.downloads())), assets, httpbootDir,
                new BodyReader(limits, deadlines));

        this.app = Javalin.create(cfg -> {
            quiet(cfg);
            cfg.jetty.threadPool = threads;
            listeners.add(cfg, settings, onFatal);
            cfg.jetty.modifyServer(server -> {
                server.setErrorHandler(new TextErrorHandler());
                // in place of the statistics handler Javalin puts first: nothing reads its counts, and with no stop
                // timeout it has no graceful stop to wait for; it cost every request its counting
                server.setHandler(new RefuseConnect());
            });
            cfg.jetty.modifyServletContextHandler(context -> context.setSessionHandler(new NoSessions()));
            cfg.router.javaLangErrorHandler((res, error) -> {
                OnFatalError.in(error).ifPresent(e -> onFatal.fatal("HTTP handler", e));
                log.error("error answering a request", error);
                res.setStatus(500);
            });
            cfg.requestLogger.http((ctx, ms) -> requestLog.end(ctx, ms, warmUp.isOurs(ctx)));

            RoutesConfig r = cfg.routes;
            r.before(ctx -> RequestLog.begin(Exchange.begin(ctx, reader.clientIp(ctx))));
            routes.forEach(route -> register(r, route));
            // Javalin answers its own HttpResponseExceptions (404 for unknown paths) unless told otherwise
            r.exception(HttpResponseException.class, errors::map);
            r.exception(Exception.class, errors::map);
        });
    }

    /**
     * The route table: the extensions' routes (exact paths such as /unattended/templateServer win), then ours; matched
     * with {@code /unattended/{kind}} and the routes that must stay ahead of it first ({@link RouteOrder}).
     */
    private List<Route<Handler>> table(BootRequestReader reader, Fallback fallback, HttpExtensions extensions,
                                       FileSender files, Optional<Path> assets, Optional<Path> httpbootDir,
                                       BodyReader bodies) {
        UnattendedHandler unattended = new UnattendedHandler(boot, reader, fallback);
        BuildReportHandler reports = new BuildReportHandler(boot, reader, fallback, bodies, workers);
        AssetsHandler pub = AssetsHandler.pub(assets, files);
        HttpbootHandler httpboot = new HttpbootHandler(boot, httpbootDir, files, workers);
        HealthHandler health = new HealthHandler(warmUp);
        // the kind decides the stage and the style (iPXE or installer) before a worker is asked for
        Route<Handler> kinds = Route.<Handler>get("/unattended/{kind}", "unattended", Style.INSTALLER, ctx -> {
            unattended.classify(ctx);
            workers.around(unattended::unattended).handle(ctx);
        }).ownBound();

        // Foreman's path forms of the reports (routes.rb: unattended/built/(:id), unattended/failed/(:id); the id is not
        // used to find the host): before the extensions', whose /unattended/{kind}/{template} would take them
        List<Route<Handler>> table = new ArrayList<>(List.of(
                Route.<Handler>get("/unattended/built/{id}", "built", Style.REPORT, reports::built),
                Route.<Handler>post("/unattended/built/{id}", "built", Style.REPORT, reports::built),
                Route.<Handler>post("/unattended/failed/{id}", "failed", Style.REPORT, reports::failed).ownBound(),
                Route.<Handler>get("/unattended/failed/{id}", "failed", Style.REPORT, reports::failedNeedsPost)));
        table.addAll(extensions.routes());
        table.addAll(List.of(
                // whether HTTP answers at all: never refused
                Route.<Handler>get("/healthz", Route.UNRECORDED, Style.PLAIN, health::get).ownBound(),
                Route.<Handler>get("/unattended/built", "built", Style.REPORT, reports::built),
                Route.<Handler>post("/unattended/built", "built", Style.REPORT, reports::built),
                // the body arrives without a thread, then a worker records it (BuildReportHandler)
                Route.<Handler>post("/unattended/failed", "failed", Style.REPORT, reports::failed).ownBound(),
                Route.<Handler>get("/unattended/failed", "failed", Style.REPORT, reports::failedNeedsPost),
                kinds,
                Route.<Handler>get("/ignition", "ignition", Style.INSTALLER, unattended::ignition),
                Route.<Handler>get("/userdata/{mac}/user-data", "userdata", Style.INSTALLER, unattended::userData),
                Route.<Handler>get("/userdata/{mac}/meta-data", "userdata", Style.INSTALLER, unattended::metaData),
                Route.<Handler>get("/userdata/user-data", "userdata", Style.INSTALLER, unattended::userData),
                Route.<Handler>get("/userdata/meta-data", "userdata", Style.INSTALLER, unattended::metaData),
                // streamed without a thread, within HttpLimits.downloads (FileSender)
                Route.<Handler>get("/pub/<path>", "pub", Style.PLAIN, pub::get).ownBound(),
                Route.<Handler>head("/pub/<path>", "pub", Style.PLAIN, pub::head).ownBound(),
                // the same; a name that is no file may be a rendered GRUB config, which asks for a worker itself
                Route.<Handler>get("/httpboot/<path>", "httpboot", Style.PLAIN, httpboot.httpboot()::get).ownBound(),
                Route.<Handler>head("/httpboot/<path>", "httpboot", Style.PLAIN, httpboot.httpboot()::head).ownBound(),
                // smart-proxy's httpboot module maps both to the root; the longer prefix first
                Route.<Handler>get("/EFI/BOOT/<path>", "httpboot", Style.PLAIN, httpboot.efiBoot()::get).ownBound(),
                Route.<Handler>head("/EFI/BOOT/<path>", "httpboot", Style.PLAIN, httpboot.efiBoot()::head).ownBound(),
                Route.<Handler>get("/EFI/<path>", "httpboot", Style.PLAIN, httpboot.efi()::get).ownBound(),
                Route.<Handler>head("/EFI/<path>", "httpboot", Style.PLAIN, httpboot.efi()::head).ownBound()));
        // what machines ask for, matched first: the same route answers every path as in this order (RouteOrder)
        return List.copyOf(RouteOrder.hotFirst(table, Set.of(kinds)));
    }

    /**
     * Adds one route: its stage and style are named on the request before its handler runs, and a worker route's
     * handler runs only within the worker bound.
     */
    private void register(RoutesConfig r, Route<Handler> route) {
        Handler inner = route.admission() == Route.Admission.WORKER ? workers.around(route.handler()) : route.handler();
        Handler handler = ctx -> {
            Exchange.of(ctx).is(route.stage(), route.style());
            inner.handle(ctx);
        };
        switch (route.method()) {
            case GET -> r.get(route.path(), handler);
            case HEAD -> r.head(route.path(), handler);
            case POST -> r.post(route.path(), handler);
            case PUT -> r.put(route.path(), handler);
            case DELETE -> r.delete(route.path(), handler);
            default -> throw new IllegalStateException("no way to register " + route);
        }
    }

    private static void quiet(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.defaultContentType = Text.PLAIN;
        // scripts and configs are a few KiB and kernels come compressed: gzip would cost every answer CPU for nothing
        cfg.http.compressionStrategy = CompressionStrategy.NONE;
    }

    private static Path realDirectory(String what, Path dir) {
        try {
            Path real = dir.toRealPath();
            if (!Files.isDirectory(real)) {
                throw new IllegalArgumentException(what + " " + dir + " is not a directory");
            }
            return real;
        } catch (IOException e) {
            throw new IllegalArgumentException(what + " " + dir + " does not exist or cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    /** Every route this server answers, in the order they are matched. */
    public List<Route<Handler>> routes() {
        return routes;
    }

    /** Binds and starts answering; logs one line saying where. */
    public void start() {
        app.start();
        log.info("HTTP listening on {}:{} (public URL {}, assets {}, trusted proxies {}, {} workers)", settings.host(),
                port(), boot.urls().base(), settings.assetsDir().map(Path::toString).orElse("none"),
                settings.trustedProxies().isEmpty() ? "none" : settings.trustedProxies(), settings.limits().workers());
        settings.https().ifPresent(https -> log.info("HTTPS listening on {}:{}", https.host(), httpsPort()));
    }

    /**
     * {@link #start()}, then answers {@code paths} (e.g. {@code /unattended/iPXE?bootstrap=1}) to itself over loopback,
     * round after round for up to {@code budget}, before it returns: the first machine is then answered as fast as
     * the next. {@code /healthz} says 503 "starting" meanwhile; the requests are not logged ({@link WarmUp}).
     */
    public void startWarm(List<String> paths, int rounds, Duration budget) {
        warmUp.starting();
        try {
            start();
        } catch (RuntimeException e) {
            warmUp.run("127.0.0.1", 0, List.of(), 0, Duration.ZERO); // not started: nothing to warm, not "starting"
            throw e;
        }
        String host = settings.host().isEmpty() || settings.host().equals("0.0.0.0") ? "127.0.0.1"
                : settings.host().equals("::") ? "::1" : settings.host();
        warmUp.run(host, port(), paths, rounds, budget);
    }

    public void stop() {
        app.stop();
        deadlines.shutdownNow();
    }

    /** The port actually bound (the chosen one when the settings say 0). */
    public int port() {
        return app.port();
    }

    /** The HTTPS port actually bound; -1 without HTTPS. */
    public int httpsPort() {
        return listeners.httpsPort();
    }

    /** What Javalin itself has registered, as "GET /healthz": the route table test compares it with {@link #routes()}. */
    List<String> registeredRoutes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(e -> e.endpoint.method.isHttpMethod())
                .map(e -> e.endpoint.method.name() + " " + e.endpoint.path)
                .toList();
    }
}
