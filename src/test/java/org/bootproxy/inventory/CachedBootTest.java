package org.bootproxy.inventory;

import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.bootproxy.fakes.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.boot.UpstreamUnavailable;
import org.junit.jupiter.api.Test;

/** The cache behind the real boot decision: what a machine gets while upstream is down. */
class CachedBootTest {


    final MutableClock clock = new MutableClock();
    final SwitchableInventory upstream = new SwitchableInventory(List.of(Hosts.WEB01));
    final CachingInventory cache = new CachingInventory(upstream, new CacheSettings(Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofHours(24), 32, Duration.ofSeconds(10), Duration.ofSeconds(1)), clock);
    final MemoryBuildStates states = new MemoryBuildStates();
    final BootService boot = new BootService(cache, NamingRenderer.standard(), states, BootEvents.NONE,
            new BootSettings(URI.create("http://192.0.2.1:8000"), 4, UnknownMachineAnswer.MESSAGE,
                    Map.of("Redhat", Map.of(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PROVISION, "provision/kickstart")), 10),
            clock);

    static BootRequest ipxe(String mac) {
        return new BootRequest("192.0.2.50", List.of(MacAddress.parse(mac)), "", false, MachineFacts.NONE);
    }

    @Test
    void knownHostStillGetsItsScriptFromStaleDataWhileUpstreamIsDown() {
        boot.ipxe(ipxe("52:54:00:aa:00:01"));
        clock.advance(Duration.ofMinutes(30));
        upstream.goDown();
        Answer a = boot.ipxe(ipxe("52:54:00:aa:00:02"));
        assertThat(a.reason()).isEqualTo(Answer.Reason.HOST_TEMPLATE);
        assertThat(a.body()).contains("template=ipxe/kickstart host=web01.example.com");
        assertThat(cache.stats().stale()).isEqualTo(1);
    }

    @Test
    void unknownMachineWhileUpstreamIsDownIsToldToRetryNotToBootLocally() {
        upstream.goDown();
        // the HTTP layer answers UpstreamUnavailable with the iPXE retry script
        assertThatThrownBy(() -> boot.ipxe(ipxe("52:54:00:ff:ff:ff"))).isInstanceOf(UpstreamUnavailable.class);
    }

    @Test
    void provisionByTokenWorksAfterTheMacLookupEvenThoughUpstreamCannotSearchTokens() {
        boot.ipxe(ipxe("52:54:00:aa:00:01"));
        var byToken = new BootRequest("192.0.2.11", List.of(), "tok-web01", false, MachineFacts.NONE);
        assertThat(boot.template(byToken, TemplateKind.PROVISION, Optional.empty()).body())
                .contains("template=provision/kickstart host=web01.example.com");
    }

    @Test
    void builtIsRecordedForwardedAndTheNextBootIsLocal() {
        boot.ipxe(ipxe("52:54:00:aa:00:01"));
        boot.built(new BootRequest("192.0.2.11", List.of(), "tok-web01", false, MachineFacts.NONE));
        assertThat(upstream.reports).containsExactly("built web01.example.com");
        upstream.goDown();
        // upstream still says build (stale), the local record says built: local boot
        assertThat(boot.ipxe(ipxe("52:54:00:aa:00:01")).reason()).isEqualTo(Answer.Reason.LOCAL_BOOT);
    }
}
