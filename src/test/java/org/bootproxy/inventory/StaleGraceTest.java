package org.bootproxy.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Finding 9 of issue 9: with upstream hanging, a known host whose entry had expired waited the whole read
 * timeout before its stale answer was served. Now it waits at most {@code stale_grace} while the refresh goes
 * on in the background, one per key.
 */
class StaleGraceTest {

    static final Host WEB01 = Hosts.WEB01;
    static final Host DB01 = Hosts.DB01;
    static final MacAddress WEB01_MAC = MacAddress.parse("52:54:00:aa:00:01");
    static final MacAddress DB01_MAC = DB01.provisionInterface().mac();
    static final Duration GRACE = Duration.ofMillis(200);

    final MutableClock clock = new MutableClock();
    final SwitchableInventory upstream = new SwitchableInventory(List.of(WEB01, DB01));

    CachingInventory cache(int maxConcurrent) {
        return new CachingInventory(upstream, new CacheSettings(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofHours(24), maxConcurrent, Duration.ofSeconds(30), GRACE), clock);
    }

    @AfterEach
    void release() {
        upstream.open(); // lets background refreshes end
    }

    static long millisOf(Runnable r) {
        long t0 = System.nanoTime();
        r.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Test
    void expiredHostIsServedStaleWithinTheGraceWhileUpstreamHangs() throws Exception {
        var inv = cache(8);
        inv.findByMac(WEB01_MAC);
        clock.advance(Duration.ofMinutes(5));
        upstream.closeGate(); // upstream hangs from now on

        long ms = millisOf(() -> assertThat(inv.findByMac(WEB01_MAC)).map(Host::name).contains("web01.example.com"));
        assertThat(ms).as("answered after the grace, not after a read timeout").isLessThan(1000);
        assertThat(inv.stats().stale()).isEqualTo(1);

        // the refresh is still hanging: further lookups neither wait again nor start a second call
        for (int i = 0; i < 20; i++) {
            assertThat(inv.findByMac(WEB01_MAC)).isPresent();
        }
        assertThat(upstream.calls()).as("one call for the first lookup, one refresh for all the rest").isEqualTo(2);

        // upstream comes back: the refresh lands in the cache and the next lookup is served from it
        upstream.open();
        awaitUntil(() -> inv.stats().upstreamCalls() == 2 && inv.findByMac(WEB01_MAC).isPresent()
                && inv.stats().cached() >= 1);
        assertThat(upstream.calls()).isEqualTo(2);
    }

    @Test
    void upstreamThatAnswersWithinTheGraceGivesTheFreshAnswer() throws Exception {
        var inv = cache(8);
        inv.findByMac(WEB01_MAC);
        clock.advance(Duration.ofMinutes(5));
        upstream.serve(List.of(WEB01.withBuild(false), DB01)); // changed in Foreman meanwhile
        upstream.closeGate();
        CompletableFuture<Boolean> build = CompletableFuture.supplyAsync(() -> inv.findByMac(WEB01_MAC).orElseThrow().build());
        upstream.awaitFirstCall();
        upstream.open(); // a quick answer, well within the grace
        assertThat(build.get(5, TimeUnit.SECONDS)).as("the fresh answer, not the stale one").isFalse();
        assertThat(inv.stats().stale()).isZero();
    }

    @Test
    void whenEveryRefresherIsBusyTheStaleAnswerComesAtOnce() {
        var inv = cache(1);
        inv.findByMac(WEB01_MAC);
        inv.findByMac(DB01_MAC);
        clock.advance(Duration.ofMinutes(5));
        upstream.closeGate();
        inv.findByMac(WEB01_MAC); // its refresh holds the only refresher
        long ms = millisOf(() -> assertThat(inv.findByMac(DB01_MAC)).map(Host::name).contains(DB01.name()));
        assertThat(ms).as("no grace to wait out: nothing was started").isLessThan(GRACE.toMillis());
        assertThat(upstream.calls()).isEqualTo(3);
    }

    @Test
    void unknownMacStillWaitsForUpstreamBecauseThereIsNothingStaleToServe() throws Exception {
        var inv = cache(8);
        upstream.closeGate();
        CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> inv.findByMac(WEB01_MAC).isPresent());
        upstream.awaitFirstCall();
        Thread.sleep(GRACE.toMillis() * 2);
        assertThat(found).as("a first lookup has no stale answer: it waits for upstream").isNotDone();
        upstream.open();
        assertThat(found.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertThat(condition.getAsBoolean()).isTrue();
    }
}
