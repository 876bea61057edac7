package org.bootproxy.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.fakes.Hosts.DB01;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.Test;

class LayeredInventoryTest {

    final Host pinned = Hosts.web01().inBuild(false).token("").param("kernelcmd", "console=tty0").revision("file:1")
            .source("hosts/web01.yaml").build();
    final SwitchableInventory files = new SwitchableInventory(List.of(pinned));
    final SwitchableInventory foreman = new SwitchableInventory(List.of(WEB01, DB01));
    final LayeredInventory layered = new LayeredInventory(List.of(files, foreman));

    @Test
    void upperLayerOverridesTheLowerOne() {
        assertThat(layered.findByMac(WEB01_MAC)).map(Host::source).contains("hosts/web01.yaml");
        assertThat(foreman.calls()).isZero();
    }

    @Test
    void lowerLayerAnswersWhatTheUpperDoesNotKnow() {
        assertThat(layered.findByMac(MacAddress.parse("52:54:00:bb:00:01"))).map(Host::name).contains("db01.example.com");
    }

    @Test
    void failingLayerStopsTheLookup() {
        files.goDown();
        assertThatThrownBy(() -> layered.findByMac(MacAddress.parse("52:54:00:bb:00:01"))).isInstanceOf(UpstreamUnavailable.class);
    }

    @Test
    void builtGoesToTheLayerThatOwnsTheHost() {
        layered.reportBuilt(DB01);
        layered.reportBuilt(pinned);
        assertThat(foreman.reports).containsExactly("built db01.example.com");
        assertThat(files.reports).containsExactly("built web01.example.com");
    }

    @Test
    void allListsEachNameOnceUpperFirst() {
        assertThat(layered.all()).extracting(Host::source).containsExactly("hosts/web01.yaml", DB01.source());
    }
}
