package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootService;
import org.bootproxy.fakes.RecordingEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** A TFTP server on 127.0.0.1 and a free port, serving a temporary root with the test hosts. */
abstract class ServerHarness {

    @TempDir
    Path root;

    final RecordingEvents events = new RecordingEvents();
    /** What would have ended the process ({@code serve} halts on these): checked empty after every test. */
    final List<Map.Entry<String, Throwable>> fatalErrors = new CopyOnWriteArrayList<>();
    TftpServer server;

    /**
     * A short first timeout, so tests about losses finish quickly, and the config's 10 retries. Once the round trip is
     * measured on loopback the interval is 20 ms: with 3 retries a client was given up after 0.3 s of silence, which a
     * test thread descheduled on a busy machine exceeded ({@code blockNumbersWrapToZeroAfter65535} failed so in CI).
     * With 10 it takes the idle timeout's 10 s.
     */
    TftpSettingsBuilder settings() {
        return TftpSettingsBuilder.serving(root).timers(Duration.ofMillis(200), 10, Duration.ofSeconds(10));
    }

    /** For tests about giving up on a client that never answers: 3 retries from 200 ms (0.2 + 0.4 + 0.8 + 1.6 s). */
    TftpSettingsBuilder givingUpQuickly() {
        return TftpSettingsBuilder.serving(root).timers(Duration.ofMillis(200), 3, Duration.ofSeconds(10));
    }

    /**
     * A first timeout longer than any test: until a round trip is measured the server sends nothing on its own, so a
     * test can count exactly what its own packets caused, however slowly a busy machine runs it.
     */
    TftpSettingsBuilder withoutEarlyRetransmissions() {
        return TftpSettingsBuilder.serving(root).timers(Duration.ofSeconds(30), 10, Duration.ofSeconds(60));
    }

    /** Starts a server (stopping the one started before, if any). */
    TftpServer start(BootService boot, TftpSettings settings) throws Exception {
        stopServer();
        server = new TftpServer(boot, events, settings, Clock.systemUTC(),
                (where, cause) -> fatalErrors.add(Map.entry(where, cause)));
        server.start();
        return server;
    }

    TftpServer start() throws Exception {
        return start(TestBoot.boot(), settings().build());
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @AfterEach
    void noFatalErrorUnlessATestAskedForOne() {
        assertThat(fatalErrors).as("errors that would have ended serve").isEmpty();
    }

    RawClient client() throws Exception {
        return new RawClient(server.port());
    }

    byte[] file(String name, int size) throws Exception {
        byte[] b = new byte[size];
        new Random(size * 31L + name.hashCode()).nextBytes(b);
        Path p = root.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, b);
        return b;
    }

    /** Waits (up to 10 s) for the event about {@code file}: events are recorded once the transfer thread ends. */
    BootEvent eventFor(String file) throws InterruptedException {
        return awaitEvent(e -> e.detail().equals(file));
    }

    BootEvent awaitEvent(Predicate<BootEvent> which) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < end) {
            List<BootEvent> found = events.events.stream().filter(which).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            Thread.sleep(10);
        }
        assertThat(events.events).as("no matching event arrived").anyMatch(which);
        return null;
    }
}
