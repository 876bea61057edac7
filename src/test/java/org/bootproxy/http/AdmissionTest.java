package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.http.HttpFixture.RETRY_SECONDS;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.MutableClock;
import org.bootproxy.fakes.SlowInventory;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Admission control (finding 12): work that needs a worker takes one of a bounded number of places, and a request
 * past the bound, or one that already waited too long for a thread, is answered at once the way its client reads a
 * wait-it-out answer: the retry script for iPXE (DESIGN rule 6), 503 with Retry-After for installers.
 */
class AdmissionTest {

    @Test
    void pastTheWorkerBoundIpxeGetsTheRetryScriptAndInstallersA503AtOnce() throws Exception {
        SlowInventory slow = new SlowInventory(WEB01);
        try (HttpFixture app = new HttpFixture(slow, new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().limits(HttpLimits.DEFAULTS.withWorkers(1)).build(), HttpExtensions.NONE)) {
            CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return app.get("/unattended/iPXE?mac=" + WEB01_MAC);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(slow.entered.await(10, TimeUnit.SECONDS)).as("the first request holds the only worker").isTrue();

            HttpResponse<String> ipxe = app.get("/unattended/iPXE?mac=" + WEB01_MAC + "&retry=2");
            assertThat(ipxe.statusCode()).isEqualTo(200);
            assertThat(ipxe.body()).startsWith("#!ipxe\n").contains("bootproxy is busy: 1 requests being answered already")
                    .contains("sleep " + RETRY_SECONDS).contains("chain --replace iPXE?mac=52%3A54%3A00%3Aaa%3A00%3A01&retry=3");
            HttpResponse<String> provision = app.get("/unattended/provision?mac=" + WEB01_MAC);
            Answers.assertOneLineText(provision, 503);
            assertThat(provision.headers().firstValue("Retry-After")).contains(String.valueOf(RETRY_SECONDS));
            assertThat(app.get("/healthz").statusCode()).as("the health check takes no place").isEqualTo(200);

            slow.gate.countDown();
            assertThat(first.get(10, TimeUnit.SECONDS).body()).contains("template=ipxe/kickstart host=web01.example.com");
            assertThat(app.get("/unattended/provision?mac=" + WEB01_MAC).statusCode()).as("the place is free again")
                    .isEqualTo(200);
        }
    }

    @Test
    void withEveryWorkerHeldTheHealthCheckAndTheRefusalsAreStillAnsweredAtOnce() throws Exception {
        SlowInventory slow = new SlowInventory(WEB01);
        int workers = HttpLimits.DEFAULTS.workers();
        try (HttpFixture app = new HttpFixture(slow, new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().build(), HttpExtensions.NONE)) {
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            ExecutorService clients = Executors.newFixedThreadPool(workers);
            for (int i = 0; i < workers; i++) {
                held.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return app.get("/unattended/provision?mac=" + WEB01_MAC);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, clients));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (slow.waiting.get() < workers && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(slow.waiting.get()).as("every worker waits for the inventory").isEqualTo(workers);

            // the threads beyond the workers answer what takes no worker, and the refusals, without a wait
            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertThat(app.get("/healthz").statusCode()).isEqualTo(200);
                assertThat(app.get("/unattended/iPXE?mac=" + WEB01_MAC).body()).contains("bootproxy is busy");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered at once").isLessThan(Duration.ofSeconds(1));
            }
            slow.gate.countDown();
            for (CompletableFuture<HttpResponse<String>> h : held) {
                assertThat(h.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
            }
            clients.shutdown();
        }
    }

    @Test
    void aBoundCountsPlacesAndRefusesWhatWaitedTooLongForAThread() {
        Bound bound = new Bound("requests being answered", 2, () -> 0, Duration.ofMillis(500));
        bound.enter();
        bound.enter();
        assertThatThrownBy(bound::enter).isInstanceOf(Busy.class)
                .hasMessage("bootproxy is busy: 2 requests being answered already");
        bound.leave();
        bound.enter();
        assertThat(bound.inUse()).isEqualTo(2);

        Bound late = new Bound("requests being answered", 2, () -> Duration.ofMillis(700).toNanos(), Duration.ofMillis(500));
        assertThatThrownBy(late::enter).isInstanceOf(Busy.class)
                .hasMessage("bootproxy is busy: this request waited 700 ms for a thread");
        assertThat(late.inUse()).as("a refused request takes no place").isZero();
    }

    @Test
    void refusalsAreSummedUpInOneLineEveryTenSeconds() {
        Logger logger = (Logger) LoggerFactory.getLogger(AdmissionTest.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        logger.addAppender(lines);
        try {
            MutableClock clock = MutableClock.now();
            Refusals refusals = new Refusals(logger, clock);
            for (int i = 0; i < 3; i++) {
                refusals.add("GET /unattended/iPXE?mac=52:54:00:aa:00:0" + i + " from 192.0.2.1" + i, "bootproxy is busy");
            }
            assertThat(lines.list).isEmpty();
            clock.advance(Refusals.INTERVAL);
            refusals.add("GET /unattended/provision from 192.0.2.20", "bootproxy is busy: 64 requests being answered already");
            assertThat(lines.list).singleElement().satisfies(e -> assertThat(e.getFormattedMessage())
                    .startsWith("refused 4 requests in the last 10 s because bootproxy was busy (the latest: GET "
                            + "/unattended/provision from 192.0.2.20: bootproxy is busy: 64 requests being answered already)"));
        } finally {
            logger.detachAppender(lines);
        }
    }
}
