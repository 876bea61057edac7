package org.bootproxy.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.fakes.EmptyInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MutableClock;
import org.bootproxy.inventory.upstream.BuildListing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the sync runs: at start, every interval, and early when lookups go upstream in a burst (but not too often). */
class BuildSyncTest {

    private final MutableClock clock = MutableClock.now();
    private final CachingInventory cache = new CachingInventory(new EmptyInventory(), new CacheSettings(Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofHours(24), 4, Duration.ofSeconds(10), Duration.ofSeconds(1)), clock);
    private final AtomicInteger listings = new AtomicInteger();
    private final List<BuildListing.Listed> listed = new ArrayList<>(List.of(new BuildListing.Listed("1", "web01", "f1")));
    private final BuildListing listing = new BuildListing() {
        @Override
        public List<Listed> listInBuild() {
            listings.incrementAndGet();
            return List.copyOf(listed);
        }

        @Override
        public Host load(String id) {
            if (!id.equals("1")) {
                throw new UpstreamUnavailable("no host " + id);
            }
            return Hosts.WEB01;
        }

        @Override
        public long requestsSent() {
            return listings.get();
        }
    };
    private final BuildSync sync = new BuildSync(listing, cache, Duration.ofMinutes(1), clock);

    @AfterEach
    void close() {
        sync.close();
    }

    private void seconds(int n) {
        for (int i = 0; i < n; i++) {
            clock.advance(Duration.ofSeconds(1));
            sync.tick();
        }
    }

    private void unknownMachinesAsk(int n) {
        for (int i = 0; i < n; i++) {
            cache.findByMac(MacAddress.parse(String.format("52:54:00:77:%02x:%02x", i / 256, i % 256)));
        }
    }

    @Test
    void syncsAtStartAndThenEveryInterval() {
        sync.tick();
        assertThat(listings).hasValue(1);
        assertThat(cache.findByMac(Hosts.WEB01_MAC)).contains(Hosts.WEB01);
        seconds(59);
        assertThat(listings).hasValue(1);
        seconds(1);
        assertThat(listings).hasValue(2);
    }

    @Test
    void aBurstOfUpstreamLookupsSyncsAtOnceButNotMoreThanEveryTenSeconds() {
        sync.tick();
        seconds(12);
        assertThat(listings).hasValue(1);
        unknownMachinesAsk(BuildSync.BURST);
        seconds(1);
        assertThat(listings).as("a rack Foreman put in build after the last sync").hasValue(2);
        unknownMachinesAsk(BuildSync.BURST + 5);
        seconds(1);
        assertThat(listings).as("too soon after the last one").hasValue(2);
        seconds(BuildSync.MIN_GAP_SECONDS);
        assertThat(listings).hasValue(2);
        unknownMachinesAsk(BuildSync.BURST);
        seconds(1);
        assertThat(listings).hasValue(3);
    }

    @Test
    void aFewLookupsUpstreamDoNotSync() {
        sync.tick();
        seconds(12);
        unknownMachinesAsk(BuildSync.BURST - 1);
        seconds(BuildSync.BURST_WINDOW_SECONDS);
        assertThat(listings).hasValue(1);
    }

    @Test
    void aHostThatFailsToLoadIsLeftToTheLookupByMac() {
        listed.add(new BuildListing.Listed("2", "broken", "f2"));
        BuildSync.Outcome o = sync.sync();
        assertThat(o.inBuild()).isEqualTo(1);
        assertThat(o.failed()).isEqualTo(1);
    }
}
