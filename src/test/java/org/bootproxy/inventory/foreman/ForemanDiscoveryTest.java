package org.bootproxy.inventory.foreman;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.AnnouncementRefused;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.MachineReport;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.discovery.DiscoverySettings;
import org.bootproxy.discovery.JournalRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facts bootproxy sends Foreman Discovery, by the names foreman_discovery reads them: discovery_bootif
 * (app/lib/facter_utils.rb: the {@code discovery_fact} setting's default, also the {@code discovery_hostname} default in
 * app/models/setting/discovered.rb), the primary interface found through {@code interfaces},
 * {@code macaddress_<if>} and {@code ipaddress_<if>} (app/services/foreman_discovery/fact_parser.rb refuses a boot NIC
 * without an address), and serialnumber / manufacturer / productname / uuid / discovery_bootip as the discovery image
 * reports them (test/facts/vmware_local.json). The endpoint is {@code POST /api/v2/discovered_hosts/facts} with
 * {@code {"facts": {…}}} (app/controllers/api/v2/discovered_hosts_controller.rb; it answers 422 with a message when
 * it refuses the facts).
 */
class ForemanDiscoveryTest {
    @RegisterExtension
    static WireMockExtension foreman = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final MacAddress NET0 = MacAddress.parse("52:54:00:12:34:56");
    static final MacAddress NET1 = MacAddress.parse("52:54:00:12:34:57");
    static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path state;

    JournalRegistry registry;
    ForemanDiscovery discovery;

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
        if (discovery != null) {
            discovery.close();
        }
    }

    ForemanDiscovery discovery() {
        ForemanSettings cfg = new ForemanSettings(foreman.baseUrl(), "admin", "", "pat-123", "", "", "",
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ZERO);
        discovery = new ForemanDiscovery(cfg, 1024 * 1024, "0.1.0-test", Clock.fixed(T0, java.time.ZoneOffset.UTC));
        return discovery;
    }

    static DiscoveredMachine machine(String id, MacAddress... macs) {
        return new DiscoveredMachine(id, List.of(macs), macs[macs.length - 1].colons(), "SN123", "QEMU",
                "Standard PC (i440FX + PIIX, 1996)", "86a9f546-d31b-4ba2-9bbb-303b61bcf8d1", "i386", "pcbios", "192.0.2.100",
                T0, T0, 1, "", true, Map.of());
    }

    @Test
    void aMachineIsPostedAsTheFactsForemanDiscoveryReads() throws Exception {
        foreman.stubFor(post(urlPathEqualTo("/api/v2/discovered_hosts/facts")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":7,\"name\":\"mac525400123457\"}")));
        discovery().announce(machine("525400123456", NET0, NET1));

        List<LoggedRequest> sent = foreman.findAll(postRequestedFor(urlPathEqualTo("/api/v2/discovered_hosts/facts")));
        assertThat(sent).hasSize(1);
        LoggedRequest r = sent.get(0);
        assertThat(r.getHeader("Content-Type")).startsWith("application/json");
        assertThat(r.getHeader("Authorization")).isEqualTo("Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:pat-123".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        JsonNode facts = ForemanStubs.JSON.readTree(r.getBodyAsString()).path("facts");
        assertThat(facts.path("discovery_bootif").asText()).isEqualTo("52:54:00:12:34:57");
        assertThat(facts.path("discovery_bootip").asText()).isEqualTo("192.0.2.100");
        assertThat(facts.path("interfaces").asText()).isEqualTo("net0,net1");
        assertThat(facts.path("macaddress_net0").asText()).isEqualTo("52:54:00:12:34:56");
        assertThat(facts.path("macaddress_net1").asText()).isEqualTo("52:54:00:12:34:57");
        assertThat(facts.has("ipaddress_net0")).isFalse();
        assertThat(facts.path("ipaddress_net1").asText()).isEqualTo("192.0.2.100"); // the boot NIC has the address
        assertThat(facts.path("macaddress").asText()).isEqualTo("52:54:00:12:34:57");
        assertThat(facts.path("ipaddress").asText()).isEqualTo("192.0.2.100");
        assertThat(facts.path("serialnumber").asText()).isEqualTo("SN123");
        assertThat(facts.path("manufacturer").asText()).isEqualTo("QEMU");
        assertThat(facts.path("productname").asText()).isEqualTo("Standard PC (i440FX + PIIX, 1996)");
        assertThat(facts.path("uuid").asText()).isEqualTo("86a9f546-d31b-4ba2-9bbb-303b61bcf8d1");
        assertThat(facts.path("bootproxy_machine_id").asText()).isEqualTo("525400123456");
    }

    @Test
    void aRefusalIsNotRetriedAndSaysWhy() {
        foreman.stubFor(post(urlPathEqualTo("/api/v2/discovered_hosts/facts")).willReturn(aResponse().withStatus(422)
                .withBody("{\"message\":\"Host already exists as managed: web01/52:54:00:12:34:56\"}")));
        assertThatThrownBy(() -> discovery().announce(machine("525400123456", NET0)))
                .isInstanceOf(AnnouncementRefused.class).hasMessageContaining("422").hasMessageContaining("already exists as managed");
    }

    @Test
    void withoutTheDiscoveryPluginForemanAnswers404AndTheMessageSaysSo() {
        foreman.stubFor(post(urlPathEqualTo("/api/v2/discovered_hosts/facts")).willReturn(aResponse().withStatus(404)));
        assertThatThrownBy(() -> discovery().announce(machine("525400123456", NET0)))
                .isInstanceOf(AnnouncementRefused.class).hasMessageContaining("foreman_discovery plugin");
    }

    @Test
    void foremanDownIsWorthRetrying() {
        foreman.stubFor(post(urlPathEqualTo("/api/v2/discovered_hosts/facts")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(() -> discovery().announce(machine("525400123456", NET0))).isInstanceOf(UpstreamUnavailable.class);
        foreman.stubFor(post(urlPathEqualTo("/api/v2/discovered_hosts/facts")).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> discovery().announce(machine("525400123456", NET0))).isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("503");
    }

    /**
     * Foreman is down for the first tries (connection reset, then 503), then up. Every unknown machine reaches it exactly
     * once, and a restart (the journal remembers the announcements) sends nothing again.
     */
    @Test
    void whileForemanIsDownEachMachineIsRetriedThenAnnouncedExactlyOnce() throws Exception {
        String facts = "/api/v2/discovered_hosts/facts";
        foreman.stubFor(post(urlPathEqualTo(facts)).inScenario("foreman").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("503"));
        foreman.stubFor(post(urlPathEqualTo(facts)).inScenario("foreman").whenScenarioStateIs("503")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("503 again"));
        foreman.stubFor(post(urlPathEqualTo(facts)).inScenario("foreman").whenScenarioStateIs("503 again")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        foreman.stubFor(post(urlPathEqualTo(facts)).inScenario("foreman").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(201).withBody("{}")));

        DiscoverySettings fast = new DiscoverySettings(100, Duration.ofMillis(50), Duration.ofMillis(200));
        registry = new JournalRegistry(state, fast, List.of(discovery()), BootEvents.NONE, Clock.systemUTC());
        List<MacAddress> macs = List.of(NET0, MacAddress.parse("52:54:00:00:00:02"), MacAddress.parse("52:54:00:00:00:03"));
        for (MacAddress mac : macs) {
            registry.report(unknownAnswer(mac));
            registry.report(unknownAnswer(mac)); // the same machine booting again is not announced again
        }
        // a known host is never announced
        registry.report(new MachineReport(Instant.now(), "192.0.2.9", List.of(MacAddress.parse("52:54:00:00:00:09")),
                new MachineFacts("SN9", "QEMU", "PC", List.of()), MachineReport.Kind.NIC, "web09.example.com"));

        awaitAnnounced(macs.size());
        Thread.sleep(500); // nothing more arrives after a few more retry periods
        for (MacAddress mac : macs) {
            assertThat(foreman.findAll(postRequestedFor(urlPathEqualTo(facts))
                    .withRequestBody(matchingJsonPath("$.facts.discovery_bootif", equalTo(mac.colons())))))
                    .as("requests for %s (3 failed tries are shared among the machines)", mac).isNotEmpty();
        }
        assertThat(successes()).hasSize(macs.size());
        assertThat(registry.all()).filteredOn(DiscoveredMachine::announceable)
                .allSatisfy(m -> assertThat(m.announced()).containsKey("foreman"));
        assertThat(registry.pendingAnnouncements()).isZero();

        registry.close();
        int before = foreman.findAll(postRequestedFor(urlPathEqualTo(facts))).size();
        registry = new JournalRegistry(state, fast, List.of(discovery), BootEvents.NONE, Clock.systemUTC());
        Thread.sleep(300);
        assertThat(foreman.findAll(postRequestedFor(urlPathEqualTo(facts)))).hasSize(before);
        assertThat(foreman.findAll(postRequestedFor(urlPathEqualTo(facts))
                .withRequestBody(matchingJsonPath("$.facts.discovery_bootif", equalTo("52:54:00:00:00:09"))))).isEmpty();
    }

    private static MachineReport unknownAnswer(MacAddress mac) {
        return new MachineReport(Instant.now(), "192.0.2.100", List.of(), new MachineFacts("", "QEMU", "PC", "", "i386",
                "pcbios", List.of(mac), Optional.of(mac)), MachineReport.Kind.UNKNOWN_ANSWER, "");
    }

    /** The requests Foreman answered 201: the scenario's "up" state comes after the three failures. */
    private List<LoggedRequest> successes() {
        return foreman.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 201)
                .map(e -> LoggedRequest.createFrom(e.getRequest())).toList();
    }

    private void awaitAnnounced(int n) throws InterruptedException {
        for (int i = 0; i < 200 && successes().size() < n; i++) {
            Thread.sleep(25);
        }
        assertThat(successes()).as("announcements Foreman accepted").hasSize(n);
        for (int i = 0; i < 200 && registry.pendingAnnouncements() > 0; i++) {
            Thread.sleep(25);
        }
    }
}
