package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.WEB01;

import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bootproxy.boot.BootService;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.RecordingEvents;
import org.bootproxy.support.OnFatalError;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.Test;

/**
 * Finding 1's other half: out of memory, the acceptor thread died and HTTP stayed dead while the process lived on,
 * so no service manager restarted it. Every way an error the process should not survive can surface on the HTTP
 * side reaches {@link OnFatalError} (which `serve` turns into exit status 70; see cli/ExitOnFatalErrorTest). The
 * failures are injected: nothing here runs out of memory.
 */
class FatalErrorTest {

    /** Records what would have ended the process. */
    static final class Recorder implements OnFatalError {
        final List<Map.Entry<String, Throwable>> calls = new CopyOnWriteArrayList<>();

        @Override
        public void fatal(String where, Throwable cause) {
            calls.add(Map.entry(where, cause));
        }

        Map.Entry<String, Throwable> await() throws InterruptedException {
            for (int i = 0; i < 500 && calls.isEmpty(); i++) {
                Thread.sleep(10);
            }
            assertThat(calls).as("a fatal error was reported").isNotEmpty();
            return calls.get(0);
        }
    }

    private static HttpServer server(Recorder fatal, Route<Handler> route) {
        RecordingEvents events = new RecordingEvents();
        BootService boot = new BootService(new FixedInventory(WEB01), new EchoRenderer(), new MemoryBuildStates(), events,
                HttpFixture.BOOT_SETTINGS, Clock.systemUTC());
        HttpServer server = new HttpServer(boot, HttpSettingsBuilder.loopback().build(), events, Clock.systemUTC(),
                new HttpExtensions(List.of(route), Optional.empty()), fatal);
        server.start();
        return server;
    }

    @Test
    void outOfMemoryInAHandlerIsFatal() throws Exception {
        Recorder fatal = new Recorder();
        HttpServer server = server(fatal, Route.get("/oom", "ipxe", Style.IPXE, ctx -> {
            throw new OutOfMemoryError("injected: Java heap space");
        }));
        try {
            NormalAnswer answer = NormalAnswer.get(server.port(), "/oom");
            assertThat(answer.status()).isEqualTo(500);
            assertThat(fatal.await().getValue()).hasMessage("injected: Java heap space");
        } finally {
            server.stop();
        }
    }

    @Test
    void outOfMemoryInAnAsynchronousAnswerIsFatal() throws Exception {
        Recorder fatal = new Recorder();
        HttpServer server = server(fatal, Route.get("/later", "ipxe", Style.IPXE,
                ctx -> ctx.future(() -> CompletableFuture.supplyAsync(() -> {
                    throw new OutOfMemoryError("injected: Direct buffer memory");
                }))));
        try {
            NormalAnswer.get(server.port(), "/later");
            assertThat(fatal.await().getValue()).hasMessage("injected: Direct buffer memory");
        } finally {
            server.stop();
        }
    }

    @Test
    void aStackOverflowIsOneRequestsBugNotTheProcesss() throws Exception {
        Recorder fatal = new Recorder();
        HttpServer server = server(fatal, Route.get("/deep", "ipxe", Style.IPXE, ctx -> {
            throw new StackOverflowError("injected");
        }));
        try {
            assertThat(NormalAnswer.get(server.port(), "/deep").status()).isEqualTo(500);
            assertThat(NormalAnswer.get(server.port(), "/healthz").status()).isEqualTo(200);
            assertThat(fatal.calls).isEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void anErrorThatEndsAJettyJobIsFatal() throws Exception {
        Recorder fatal = new Recorder();
        GuardedThreadPool pool = new GuardedThreadPool(4, fatal);
        pool.start();
        try {
            pool.execute(() -> {
                throw new OutOfMemoryError("injected: unable to create native thread");
            });
            assertThat(fatal.await().getKey()).isEqualTo("HTTP thread pool job");
        } finally {
            pool.stop();
        }
    }

    @Test
    void anAcceptorThatFailsWithAnErrorIsFatal() throws Exception {
        Recorder fatal = new Recorder();
        Server server = serverWhoseAcceptFails(fatal, new OutOfMemoryError("injected: Java heap space"));
        try {
            var call = fatal.await();
            assertThat(call.getKey()).startsWith("HTTP acceptor");
            assertThat(call.getValue()).isInstanceOf(OutOfMemoryError.class);
        } finally {
            server.stop();
        }
    }

    @Test
    void anAcceptorThatStopsWhileTheServerRunsIsFatal() throws Exception {
        Recorder fatal = new Recorder();
        // Jetty gives up on this one (ClosedByInterruptException) and the acceptor thread ends
        Server server = serverWhoseAcceptFails(fatal, new java.nio.channels.ClosedByInterruptException());
        try {
            assertThat(fatal.await().getKey()).endsWith("stopped accepting");
        } finally {
            server.stop();
        }
    }

    /** A started Jetty server whose acceptor meets {@code failure} on every accept: the injected failure. */
    private static Server serverWhoseAcceptFails(Recorder fatal, Throwable failure) throws Exception {
        Server server = new Server(new GuardedThreadPool(16, fatal));
        GuardedConnector connector = new GuardedConnector(server, fatal, new HttpConnectionFactory()) {
            @Override
            public void accept(int acceptorID) throws IOException {
                if (failure instanceof IOException io) {
                    throw io;
                }
                throw (Error) failure;
            }
        };
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.start();
        return server;
    }

    /** A raw GET on a fresh connection: the status, whatever the server does. */
    record NormalAnswer(int status) {
        static NormalAnswer get(int port, String path) throws IOException {
            try (var s = new java.net.Socket("127.0.0.1", port)) {
                s.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
                s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                return new NormalAnswer(answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : 0);
            }
        }
    }
}
