package org.bootproxy.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.fakes.Hosts.DB01;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;
import static org.bootproxy.fakes.Hosts.WEB01_SECOND_MAC;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;

class CachingInventoryTest {

    static final MacAddress UNKNOWN = MacAddress.parse("52:54:00:ff:ff:ff");

    final MutableClock clock = new MutableClock();
    final SwitchableInventory upstream = new SwitchableInventory(List.of(WEB01, DB01));

    CachingInventory cache(String ttl, String missTtl, String staleMaxAge) {
        return new CachingInventory(upstream, new CacheSettings(Duration.parse(ttl), Duration.parse(missTtl),
                Duration.parse(staleMaxAge), 8, Duration.ofSeconds(30), Duration.ofSeconds(1)), clock);
    }

    CachingInventory cache() {
        return cache("PT30S", "PT10S", "PT24H");
    }

    @Test
    void twoHundredConcurrentLookupsOfOneMacMakeOneUpstreamCall() throws Exception {
        var inv = cache();
        upstream.closeGate();
        ExecutorService pool = Executors.newFixedThreadPool(200);
        try {
            CountDownLatch ready = new CountDownLatch(200);
            List<Future<Optional<Host>>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    return inv.findByMac(WEB01_MAC);
                }));
            }
            ready.await();
            upstream.awaitFirstCall();
            upstream.open();
            for (var r : results) {
                assertThat(r.get()).map(Host::name).contains("web01.example.com");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(upstream.calls()).isEqualTo(1);
        assertThat(inv.stats().upstreamCalls()).isEqualTo(1);
        assertThat(inv.stats().fresh() + inv.stats().cached()).isEqualTo(200);
    }

    @Test
    void hitIsServedFromMemoryWithinTheTtlAndAskedAgainAfter() {
        var inv = cache();
        inv.findByMac(WEB01_MAC);
        clock.advance(Duration.ofSeconds(29));
        inv.findByMac(WEB01_MAC);
        assertThat(upstream.calls()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        inv.findByMac(WEB01_MAC);
        assertThat(upstream.calls()).isEqualTo(2);
        assertThat(inv.stats()).isEqualTo(new CachingInventory.Stats(2, 1, 0, 0, 0, 2));
    }

    @Test
    void everyNicOfAFoundHostIsAnsweredFromTheSameCall() {
        var inv = cache();
        inv.findByMac(WEB01_MAC);
        assertThat(inv.findByMac(WEB01_SECOND_MAC)).map(Host::name).contains("web01.example.com");
        assertThat(upstream.calls()).isEqualTo(1);
    }

    @Test
    void missIsRememberedOnlyForTheShorterMissTtl() {
        var inv = cache();
        assertThat(inv.findByMac(UNKNOWN)).isEmpty();
        clock.advance(Duration.ofSeconds(9));
        assertThat(inv.findByMac(UNKNOWN)).isEmpty();
        assertThat(upstream.calls()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(2));
        inv.findByMac(UNKNOWN);
        assertThat(upstream.calls()).isEqualTo(2);
        assertThat(inv.stats().miss()).isEqualTo(3);
    }

    @Test
    void knownHostIsServedFromStaleDataWhenUpstreamIsDown() {
        var inv = cache();
        inv.findByMac(WEB01_MAC);
        clock.advance(Duration.ofMinutes(10));
        upstream.goDown();
        assertThat(inv.findByMac(WEB01_MAC)).map(Host::name).contains("web01.example.com");
        assertThat(inv.stats().stale()).isEqualTo(1);
    }

    @Test
    void unknownMacWhenUpstreamIsDownCannotBeConfirmedAndThrows() {
        var inv = cache();
        upstream.goDown();
        assertThatThrownBy(() -> inv.findByMac(UNKNOWN))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("503 Service Unavailable");
        assertThat(inv.stats().error()).isEqualTo(1);
    }

    @Test
    void rememberedMissIsNotServedStaleWhenUpstreamIsDown() {
        var inv = cache();
        inv.findByMac(UNKNOWN);
        clock.advance(Duration.ofMinutes(1));
        upstream.goDown();
        assertThatThrownBy(() -> inv.findByMac(UNKNOWN)).isInstanceOf(UpstreamUnavailable.class);
    }

    @Test
    void staleDataOlderThanStaleMaxAgeIsNotServed() {
        var inv = cache("PT30S", "PT10S", "PT1H");
        inv.findByMac(WEB01_MAC);
        clock.advance(Duration.ofHours(2));
        upstream.goDown();
        assertThatThrownBy(() -> inv.findByMac(WEB01_MAC))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("503")
                .hasMessageContaining("older than inventory.cache.stale_max_age 1h");
    }

    @Test
    void freshAnswersResumeWhenUpstreamComesBack() {
        var inv = cache();
        inv.findByMac(WEB01_MAC);
        clock.advance(Duration.ofMinutes(1));
        upstream.goDown();
        assertThat(inv.findByMac(WEB01_MAC)).map(Host::build).contains(true);
        upstream.comeBack();
        upstream.serve(List.of(WEB01.withBuild(false), DB01));
        assertThat(inv.findByMac(WEB01_MAC)).map(Host::build).contains(false);
        assertThat(inv.stats().fresh()).isEqualTo(2);
        clock.advance(Duration.ofSeconds(5));
        inv.findByMac(WEB01_MAC);
        assertThat(inv.stats().cached()).isEqualTo(1);
    }

    @Test
    void builtIsForwardedAndTheNextLookupAsksUpstreamAgain() {
        var inv = cache();
        Host h = inv.findByMac(WEB01_MAC).orElseThrow();
        upstream.serve(List.of(WEB01.withBuild(false), DB01));
        inv.reportBuilt(h);
        assertThat(upstream.reports).containsExactly("built web01.example.com");
        assertThat(inv.findByMac(WEB01_MAC)).map(Host::build).contains(false);
        assertThat(inv.findByMac(WEB01_SECOND_MAC)).map(Host::build).contains(false);
        assertThat(upstream.calls()).isEqualTo(2);
    }

    @Test
    void failedReportIsForwardedWithItsText() {
        var inv = cache();
        inv.reportFailed(WEB01, "anaconda: no disks");
        assertThat(upstream.reports).containsExactly("failed web01.example.com: anaconda: no disks");
    }

    @Test
    void builtHostStillBootsFromStaleDataWhenUpstreamIsDownAfterTheReport() {
        var inv = cache();
        Host h = inv.findByMac(WEB01_MAC).orElseThrow();
        upstream.goDown();
        assertThatThrownBy(() -> inv.reportBuilt(h)).isInstanceOf(UpstreamUnavailable.class);
        assertThat(inv.findByMac(WEB01_MAC)).map(Host::name).contains("web01.example.com");
        assertThat(inv.stats().stale()).isEqualTo(1);
    }

    @Test
    void tokenLookupIsAnsweredThroughTheMacOfTheHostThatCarriesIt() {
        var inv = cache();
        inv.findByMac(WEB01_SECOND_MAC);
        assertThat(inv.findByToken("tok-web01")).map(Host::name).contains("web01.example.com");
        assertThat(inv.findByToken("tok-unknown")).isEmpty();
        assertThat(upstream.calls()).isEqualTo(1);
    }

    @Test
    void tokenOfARebuiltHostNoLongerMatches() {
        var inv = cache();
        inv.findByMac(WEB01_MAC);
        Host rebuilt = Hosts.web01().token("tok-new").revision("rev-2").build();
        upstream.serve(List.of(rebuilt));
        clock.advance(Duration.ofMinutes(1));
        assertThat(inv.findByToken("tok-web01")).isEmpty();
        assertThat(inv.findByToken("tok-new")).map(Host::name).contains("web01.example.com");
    }

    @Test
    void lookupThatWaitsTooLongForAnUpstreamSlotFailsNamingTheSettings() throws Exception {
        var inv = new CachingInventory(upstream, new CacheSettings(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofHours(24), 1, Duration.ofMillis(50), Duration.ofSeconds(1)), clock);
        upstream.closeGate();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Host>> first = pool.submit(() -> inv.findByMac(WEB01_MAC));
            upstream.awaitFirstCall();
            assertThatThrownBy(() -> inv.findByMac(MacAddress.parse("52:54:00:bb:00:01")))
                    .isInstanceOf(UpstreamUnavailable.class)
                    .hasMessageContaining("upstream busy")
                    .hasMessageContaining("inventory.cache.max_concurrent");
            upstream.open();
            assertThat(first.get()).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void describeNamesUpstreamAndSettings() {
        assertThat(cache().describe()).isEqualTo("switchable test upstream, cached (ttl 30s, miss_ttl 10s, "
                + "stale_max_age 1d, max_concurrent 8, queue_timeout 30s, stale_grace 1s)");
    }
}
