package org.bootproxy.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * bootproxy's HTTP side and its only route table. Foreman-compatible unattended endpoints, the
 * cloud-init seed, the assets directory and a health check:
 *
 * <pre>
 * GET      /healthz                          200 ok
 * GET|POST /unattended/built                 the installer finished (201; 409 not in build)
 * POST     /unattended/failed                the installer failed; body = its report (201)
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
 * The same routes answer on HTTPS too when {@link HttpSettings#https()} is set.
 * Anything else is a one-line 404. Extra routes come from {@link HttpExtensions}. Failures are turned
 * into answers in one place ({@link ErrorMapper}); each request is logged on one line and recorded as a
 * boot event ({@link RequestLog}).
 */
public final class HttpServer {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

    private final HttpSettings settings;
    private final BootService boot;
    private final Javalin app;
    private final Listeners listeners = new Listeners();

    /**
     * @throws IllegalArgumentException when the assets directory does not exist or is not a directory
     */
    public HttpServer(BootService boot, HttpSettings settings, BootEvents events, Clock clock, HttpExtensions extensions) {
        this.boot = Objects.requireNonNull(boot, "boot");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(extensions, "extensions");
        Optional<Path> assets = settings.assetsDir().map(d -> realDirectory("HTTP assets directory", d));
        // the TFTP root may appear after start (bootproxy bootfiles): checked per request, not here
        Optional<Path> httpbootDir = settings.httpbootDir().map(d -> d.toAbsolutePath().normalize());
        BootRequestReader reader = new BootRequestReader(settings.trustedProxies());
        ErrorMapper errors = new ErrorMapper(boot.settings().retrySeconds());
        RequestLog requestLog = new RequestLog(events, clock);
        Fallback fallback = new Fallback(extensions.unattendedFallback());
        UnattendedHandler unattended = new UnattendedHandler(boot, reader, fallback);
        BuildReportHandler reports = new BuildReportHandler(boot, reader, fallback);
        AssetsHandler pub = AssetsHandler.pub(assets);
        HttpbootHandler httpboot = new HttpbootHandler(boot, httpbootDir);
        HealthHandler health = new HealthHandler();

        this.app = Javalin.create(cfg -> {
            quiet(cfg);
            cfg.jetty.host = settings.host();
            cfg.jetty.port = settings.port();
            settings.https().ifPresent(https -> listeners.addHttpAndHttps(cfg, settings, https));
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new TextErrorHandler()));
            cfg.requestLogger.http(requestLog::end);

            RoutesConfig r = cfg.routes;
            r.before(ctx -> RequestLog.begin(Exchange.begin(ctx, reader.clientIp(ctx))));
            for (Consumer<RoutesConfig> module : extensions.modules()) {
                module.accept(r);
            }
            r.get("/healthz", health::get);
            r.get("/unattended/built", reports::built);
            r.post("/unattended/built", reports::built);
            r.post("/unattended/failed", reports::failed);
            r.get("/unattended/failed", reports::failedNeedsPost);
            r.get("/unattended/{kind}", unattended::unattended);
            r.get("/ignition", unattended::ignition);
            r.get("/userdata/{mac}/user-data", unattended::userData);
            r.get("/userdata/{mac}/meta-data", unattended::metaData);
            r.get("/userdata/user-data", unattended::userData);
            r.get("/userdata/meta-data", unattended::metaData);
            r.get("/pub/<path>", pub::get);
            r.head("/pub/<path>", pub::head);
            r.get("/httpboot/<path>", httpboot.httpboot()::get);
            r.head("/httpboot/<path>", httpboot.httpboot()::head);
            r.get("/EFI/BOOT/<path>", httpboot.efiBoot()::get);
            r.head("/EFI/BOOT/<path>", httpboot.efiBoot()::head);
            r.get("/EFI/<path>", httpboot.efi()::get);
            r.head("/EFI/<path>", httpboot.efi()::head);
            // Javalin answers its own HttpResponseExceptions (404 for unknown paths) unless told otherwise
            r.exception(HttpResponseException.class, errors::map);
            r.exception(Exception.class, errors::map);
        });
    }

    private static void quiet(JavalinConfig cfg) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.http.defaultContentType = Text.PLAIN;
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

    /** Binds and starts answering; logs one line saying where. */
    public void start() {
        app.start();
        log.info("HTTP listening on {}:{} (public URL {}, assets {}, trusted proxies {})", settings.host(), port(),
                boot.urls().base(), settings.assetsDir().map(Path::toString).orElse("none"),
                settings.trustedProxies().isEmpty() ? "none" : settings.trustedProxies());
        settings.https().ifPresent(https -> log.info("HTTPS listening on {}:{}", https.host(), httpsPort()));
    }

    public void stop() {
        app.stop();
    }

    /** The port actually bound (the chosen one when the settings say 0). */
    public int port() {
        return app.port();
    }

    /** The HTTPS port actually bound; -1 without HTTPS. */
    public int httpsPort() {
        return listeners.httpsPort();
    }
}
