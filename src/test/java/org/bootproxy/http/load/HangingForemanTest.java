package org.bootproxy.http.load;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.http.HttpSettingsBuilder;
import org.bootproxy.render.TemplateFixtures;
import org.bootproxy.smartproxy.ModuleStates;
import org.bootproxy.smartproxy.SmartProxy;
import org.bootproxy.smartproxy.SmartProxySettings;
import org.bootproxy.smartproxy.TrustedHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Finding 3: with foreman_url set and Foreman hanging, each forwarded request held a worker for 60 s, without a
 * bound, and /healthz and known hosts timed out meanwhile. Now a forward waits for Foreman without a worker, at most
 * {@code maxForwards} at once and each for its own timeout; past either, iPXE gets the retry script at once.
 */
class HangingForemanTest {
    static final int FLOOD = 300;
    static final int MAX_FORWARDS = 32;
    static final String UNKNOWN = "/unattended/iPXE?mac=" + Hosts.UNKNOWN_MAC.colons();

    @TempDir
    Path tftpRoot;

    /** A Foreman that reads requests and never answers; it counts the connections open at once. */
    static final class HangingForeman implements AutoCloseable {
        final ServerSocket socket;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        HangingForeman() throws IOException {
            socket = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket s = socket.accept();
                        held.add(s);
                        accepted.incrementAndGet();
                        mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                        Thread reader = new Thread(() -> drainUntilClosed(s), "hanging-foreman-connection");
                        reader.setDaemon(true);
                        reader.start();
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hanging-foreman");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void drainUntilClosed(Socket s) {
            try {
                s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                // closed by the client (its timeout) or by close()
            } finally {
                open.decrementAndGet();
            }
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /** The smart-proxy module forwarding to {@code foreman}, Foreman's answers awaited {@code timeout} each. */
    private SmartProxy forwardingTo(HangingForeman foreman, Duration timeout, int maxForwards) {
        return new SmartProxy(new SmartProxySettings(tftpRoot, "", URI.create(TemplateFixtures.PUBLIC_URL),
                Optional.of(foreman.url()), TrustedHosts.notSet(), "test", Optional.empty(),
                new SmartProxySettings.Timeouts(Duration.ofSeconds(2), timeout, Duration.ofSeconds(5), 0, Duration.ofMillis(1)),
                maxForwards), new ModuleStates(), Optional.empty());
    }

    @Test
    void threeHundredRequestsForAHangingForemanAreToldToRetryAndDoNotStarveOthers() throws Exception {
        try (HangingForeman foreman = new HangingForeman()) {
            SmartProxy proxy = forwardingTo(foreman, Duration.ofSeconds(3), MAX_FORWARDS);
            try (LoadServer app = new LoadServer(HttpSettingsBuilder.loopback().build(), Optional.of(proxy));
                 NormalClient normal = new NormalClient(app.port())) {
                SlowClients flood = SlowClients.gets(app.port(), FLOOD, UNKNOWN);
                boolean allAnswered = flood.awaitAnswers(20_000, false);
                flood.close();
                var answers = normal.stop();

                Map<Integer, Integer> statuses = flood.statuses();
                System.out.println("finding 3: forwarded " + statuses + ", Foreman saw " + foreman.accepted.get()
                        + " connections, at most " + foreman.mostOpen.get() + " at once; normal client "
                        + NormalClient.summary(answers));
                assertThat(allAnswered).as("every forwarded request answered: %s", statuses).isTrue();
                // iPXE reads the wait-it-out answer as a 200 script that says why and asks again
                assertThat(statuses).containsOnly(Map.entry(200, FLOOD));
                assertThat(flood.answersContaining("#!ipxe")).isEqualTo(FLOOD);
                assertThat(flood.answersContaining("chain --replace iPXE?mac=")).isEqualTo(FLOOD);
                // the first ones wait for the forward timeout, the rest are refused at once while they wait
                assertThat(flood.answersContaining("did not answer")).as("ended by the forward timeout")
                        .isEqualTo(foreman.accepted.get());
                assertThat(flood.answersContaining("waiting for it already")).as("refused past the bound")
                        .isEqualTo(FLOOD - foreman.accepted.get());
                assertThat(foreman.mostOpen.get()).as("requests waiting for Foreman at once").isEqualTo(MAX_FORWARDS);
                NormalClient.assertServedThroughout(answers, 20);
                assertThat(NormalClient.servesAgain(app.port())).as("alive and serving after").isTrue();
            }
        }
    }

    @Test
    void anInstallerAskingAHangingForemanGetsA503WithRetryAfter() throws Exception {
        try (HangingForeman foreman = new HangingForeman()) {
            SmartProxy proxy = forwardingTo(foreman, Duration.ofSeconds(1), 1);
            try (LoadServer app = new LoadServer(HttpSettingsBuilder.loopback().build(), Optional.of(proxy))) {
                String provision = "/unattended/provision?mac=" + Hosts.UNKNOWN_MAC.colons();
                NormalClient.Answer timedOut = NormalClient.ask(app.port(), provision);
                assertThat(timedOut.status()).isEqualTo(503);
                assertThat(timedOut.body()).contains("did not answer");
                assertThat(timedOut.millis()).isBetween(900L, 4000L);
            }
        }
    }

    /**
     * Foreman's answer (here: the forward timeout) that comes after bootproxy stopped finds the request recycled by
     * Jetty. It used to be handed to Javalin all the same, whose error handling then threw on the recycled request
     * in a loop without end: one thread logging "Exception handler … threw an error" for good. It is dropped now.
     */
    @Test
    void anAnswerThatComesAfterBootproxyStoppedIsDroppedAndNothingLoops() throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        try (HangingForeman foreman = new HangingForeman(); Socket client = new Socket()) {
            SmartProxy proxy = forwardingTo(foreman, Duration.ofMillis(500), 4);
            LoadServer app = new LoadServer(HttpSettingsBuilder.loopback().build(), Optional.of(proxy));
            client.connect(new InetSocketAddress("127.0.0.1", app.port()), 5000);
            client.getOutputStream().write(("GET /unattended/provision?mac=" + Hosts.UNKNOWN_MAC.colons()
                    + " HTTP/1.1\r\nHost: bootproxy\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 100 && foreman.accepted.get() == 0; i++) {
                Thread.sleep(20);
            }
            assertThat(foreman.accepted.get()).as("the request was forwarded").isEqualTo(1);
            int stoppedAt = log.list.size();
            app.close();
            for (int i = 0; i < 100 && log.list.stream().noneMatch(e -> e.getFormattedMessage().startsWith("dropped")); i++) {
                Thread.sleep(50);
            }
            Thread.sleep(200);
            List<ILoggingEvent> after = List.copyOf(log.list.subList(stoppedAt, log.list.size()));
            assertThat(after).as("what was logged from the stop on").anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .startsWith("dropped Foreman's answer to GET /unattended/provision for 127.0.0.1")
                    .contains("the request had ended"));
            assertThat(after).as("warnings from the stop on").noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.WARN));
            // Jetty ended the waiting request when the stop closed its connection: logged as that, not as a parse error
            assertThat(after).anySatisfy(e -> assertThat(e.getFormattedMessage())
                    .startsWith("/unattended/provision ended before it was answered: its connection was closed"));
            assertThat(after).noneMatch(e -> e.getFormattedMessage().contains("rejected by the HTTP parser"));
        } finally {
            root.detachAppender(log);
        }
    }
}
