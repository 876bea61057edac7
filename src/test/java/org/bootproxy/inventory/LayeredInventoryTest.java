package org.bootproxy.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.junit.jupiter.api.Test;

class LayeredInventoryTest {

    static final Host WEB01 = HostInventoryContract.WEB01;
    static final Host DB01 = HostInventoryContract.DB01;
    static final MacAddress WEB01_MAC = MacAddress.parse("52:54:00:aa:00:01");

    final Host pinned = new Host(WEB01.name(), false, "", WEB01.interfaces(), WEB01.os(), WEB01.medium(), WEB01.subnet(),
            Map.of("kernelcmd", "console=tty0"), Map.of(), "file:1", "hosts/web01.yaml");
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
        assertThat(layered.all()).extracting(Host::source).containsExactly("hosts/web01.yaml", "");
    }
}
