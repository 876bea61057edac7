package org.bootproxy.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.fakes.EmptyInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettingsBuilder;
import org.bootproxy.render.TemplateFixtures;
import org.bootproxy.support.Route;

/**
 * A process for {@link ExitOnFatalErrorTest}: it installs serve's {@link ExitOnFatalError} and then meets an injected
 * fatal error, either in an HTTP handler ({@code handler}) or in a thread of its own ({@code thread}). It must not
 * get to its last line.
 */
final class FatalChild {
    private FatalChild() {
    }

    public static void main(String[] args) throws Exception {
        ExitOnFatalError onFatal = new ExitOnFatalError();
        onFatal.watchAllThreads();
        if (args[0].equals("thread")) {
            Thread t = new Thread(() -> {
                throw new OutOfMemoryError("injected: unable to create native thread");
            }, "tftp-transfer");
            t.start();
            t.join();
        } else {
            BootService boot = new BootService(new EmptyInventory(), NamingRenderer.standard(), new MemoryBuildStates(),
                    BootEvents.NONE, TemplateFixtures.settings(), Clock.systemUTC());
            HttpServer http = new HttpServer(boot, HttpSettingsBuilder.loopback().build(), BootEvents.NONE, Clock.systemUTC(),
                    new HttpExtensions(List.of(Route.<io.javalin.http.Handler>get("/oom", "ipxe", Route.Style.IPXE, ctx -> {
                        throw new OutOfMemoryError("injected: Java heap space");
                    })), Optional.empty()), onFatal);
            http.start();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/oom"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        Thread.sleep(5000);
        System.out.println("still running");
        System.exit(0);
    }
}
