package org.bootproxy.inventory.foreman;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.inventory.foreman.ForemanSettingsBuilder.foremanAt;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.fakes.HostBuilder;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.inventory.BuildSync;
import org.bootproxy.inventory.CacheSettings;
import org.bootproxy.inventory.CachingInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cache's sync of Foreman's hosts in build: what a storm of machines then costs Foreman (nothing per machine),
 * what a sync costs it (the listing, plus only hosts that are new or changed), and that a synced host is the same
 * host a lookup by MAC would have found. Foreman's shapes: hosts/main.json.rabl (the listing: primary MAC and IP,
 * token, updated_at, parameters and all_parameters with {@code include[]}) and hosts/show.json.rabl (interfaces).
 */
class ForemanBuildSyncTest {

    @RegisterExtension
    static WireMockExtension foreman = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final CacheSettings CACHE = new CacheSettings(Duration.ofSeconds(30), Duration.ofSeconds(10),
            Duration.ofHours(24), 8, Duration.ofSeconds(10), Duration.ofSeconds(1));

    ForemanInventory upstream;
    CachingInventory cache;
    BuildSync sync;
    ForemanStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new ForemanStubs(foreman::stubFor);
        upstream = new ForemanInventory(foremanAt(foreman.baseUrl()).build());
        cache = new CachingInventory(upstream, CACHE, Clock.systemUTC());
        sync = new BuildSync(upstream, cache, Duration.ofMinutes(1), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        sync.close();
        upstream.close();
    }

    /** n hosts in build, one NIC each (the second host of each pair has two), as a rack. */
    private static List<Host> rack(int n) {
        List<Host> hosts = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            MacAddress mac = MacAddress.parse(String.format("52:54:00:9%d:%02x:%02x", i / 65536 % 10, i / 256 % 256, i % 256));
            HostBuilder b = HostBuilder.from(Hosts.WEB01).name(String.format("node%03d.example.com", i))
                    .token(String.format("tok-%04d", i)).onlyNic(mac, "10.0.0." + (i % 250 + 1));
            Host h = b.build();
            if (i % 2 == 0) {
                List<Nic> nics = new ArrayList<>(h.interfaces());
                nics.add(new Nic(MacAddress.parse(String.format("52:54:00:8%d:%02x:%02x", i / 65536 % 10, i / 256 % 256, i % 256)),
                        "", "eth1", false));
                h = new Host(h.name(), true, h.token(), nics, h.os(), h.medium(), h.subnet(), h.params(), h.templates(),
                        h.revision(), h.source());
            }
            hosts.add(h);
        }
        return hosts;
    }

    private int requests(String pathRegex) {
        return foreman.findAll(getRequestedFor(urlPathMatching(pathRegex))).size();
    }

    private int macSearches() {
        return foreman.findAll(getRequestedFor(urlPathEqualTo("/api/v2/hosts")).withQueryParam("search",
                com.github.tomakehurst.wiremock.client.WireMock.matching("(has_)?mac=.*"))).size();
    }

    @Test
    void aSyncedRackIsAnsweredByEveryMacAndTokenWithoutAskingForeman() {
        List<Host> rack = rack(6);
        stubs.serve(rack);
        stubs.serveBuildListing(rack, "2026-11-20 10:00:00 UTC");
        BuildSync.Outcome o = sync.sync();
        assertThat(o.inBuild()).isEqualTo(6);
        assertThat(o.loaded()).isEqualTo(6);
        foreman.resetRequests();

        for (Host h : rack) {
            for (Nic n : h.interfaces()) {
                assertThat(cache.findByMac(n.mac())).map(Host::name).contains(h.name());
            }
            assertThat(cache.findByToken(h.token())).map(Host::name).contains(h.name());
        }
        assertThat(foreman.getAllServeEvents()).as("no request reached Foreman").isEmpty();
    }

    @Test
    void aSyncedHostIsTheHostALookupByMacFinds() {
        List<Host> rack = rack(2);
        stubs.serve(rack);
        stubs.serveBuildListing(rack, "2026-11-20 10:00:00 UTC");
        sync.sync();
        for (Host h : rack) {
            assertThat(cache.findByMac(h.provisionInterface().mac())).contains(upstream.findByMac(h.provisionInterface().mac())
                    .orElseThrow());
        }
    }

    @Test
    void aSyncOfUnchangedHostsCostsOnlyTheListingPages() {
        List<Host> rack = rack(250);
        stubs.serve(rack);
        stubs.serveBuildListing(rack, "2026-11-20 10:00:00 UTC");
        BuildSync.Outcome first = sync.sync();
        // 3 pages (100 a page) + 250 hosts + the shared OS, medium and subnet of each (ids differ per host in the stubs)
        assertThat(first.loaded()).isEqualTo(250);
        assertThat(requests("/api/v2/hosts/[0-9]+")).isEqualTo(250);
        foreman.resetRequests();

        BuildSync.Outcome second = sync.sync();
        assertThat(second.loaded()).isZero();
        assertThat(second.requests()).isEqualTo(3);
        assertThat(requests("/api/v2/hosts/[0-9]+")).isZero();
        assertThat(requests("/api/v2/hosts")).isEqualTo(3);
    }

    @Test
    void aHostWhoseListingChangedIsReadAgain() {
        List<Host> rack = rack(3);
        stubs.serve(rack);
        stubs.serveBuildListing(rack, "2026-11-20 10:00:00 UTC");
        sync.sync();
        // node002 gets a new parameter: Foreman's listing shows it (and a new updated_at)
        Host changed = HostBuilder.from(rack.get(1)).param("kernelcmd", "console=tty0").build();
        List<Host> now = List.of(rack.get(0), changed, rack.get(2));
        stubs.serve(changed, 2);
        stubs.serveBuildListing(now, "2026-11-20 10:00:00 UTC");
        foreman.resetRequests();

        assertThat(sync.sync().loaded()).isEqualTo(1);
        assertThat(requests("/api/v2/hosts/2")).isEqualTo(1);
        assertThat(cache.findByMac(changed.provisionInterface().mac()).orElseThrow().params()).containsEntry("kernelcmd", "console=tty0");
    }

    @Test
    void aHostThatLeftBuildIsLookedUpByMacAgain() {
        List<Host> rack = rack(2);
        stubs.serve(rack);
        stubs.serveBuildListing(rack, "2026-11-20 10:00:00 UTC");
        sync.sync();
        // node001 was built (in Foreman's UI, not through bootproxy): it is no longer listed
        Host built = HostBuilder.from(rack.get(0)).inBuild(false).build();
        stubs.serve(built, 1);
        stubs.serveBuildListing(List.of(rack.get(1)), List.of(2L), "2026-11-20 10:00:00 UTC");
        assertThat(sync.sync().leftBuild()).isEqualTo(1);
        foreman.resetRequests();

        assertThat(cache.findByMac(built.provisionInterface().mac())).map(Host::build).contains(false);
        assertThat(macSearches()).isEqualTo(1);
    }

    @Test
    void aFailedListingKeepsTheHostsOfTheLastSync() {
        List<Host> rack = rack(2);
        stubs.serve(rack);
        stubs.serveBuildListing(rack, "2026-11-20 10:00:00 UTC");
        sync.sync();
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts")).atPriority(0).withQueryParam("search", equalTo("build=true"))
                .willReturn(ForemanStubs.status(503, "{\"error\":\"maintenance\"}")));
        BuildSync.Outcome failed = sync.sync();
        assertThat(failed.loaded()).isZero();
        foreman.resetRequests();
        assertThat(cache.findByMac(rack.get(0).provisionInterface().mac())).map(Host::name).contains("node001.example.com");
        assertThat(foreman.getAllServeEvents()).isEmpty();
    }

    @Test
    void machinesNotInBuildAndUnknownOnesAreStillLookedUpByMac() {
        List<Host> rack = rack(1);
        stubs.serve(List.of(rack.get(0), Hosts.DB01));
        stubs.serveBuildListing(rack, "2026-11-20 10:00:00 UTC");
        sync.sync();
        foreman.resetRequests();
        assertThat(cache.findByMac(Hosts.DB01_MAC)).map(Host::name).contains("db01.example.com");
        assertThat(cache.findByMac(Hosts.UNKNOWN_MAC)).isEmpty();
        assertThat(macSearches()).isGreaterThanOrEqualTo(2);
    }
}
