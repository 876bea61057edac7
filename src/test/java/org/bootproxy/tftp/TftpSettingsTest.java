package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TftpSettingsTest {

    @Test
    void defaultsListenEverywhereOnPort69AndClampToTheEthernetMtu() {
        var s = TftpSettings.defaults();
        assertThat(s.address().isAnyLocalAddress()).isTrue();
        assertThat(s.port()).isEqualTo(69);
        assertThat(s.maxBlksize()).isEqualTo(1468);
        assertThat(s.root()).isEqualTo(Path.of("tftpboot").toAbsolutePath());
        assertThat(s.transferPorts().isAny()).isTrue();
    }

    @Test
    void outOfRangeValuesAreRefusedWithTheirRange() {
        var d = TftpSettings.defaults();
        assertThatThrownBy(() -> d.withLimits(65465, 64, 10)).hasMessageContaining("8..65464");
        assertThatThrownBy(() -> d.withLimits(1468, 0, 10)).hasMessageContaining("windowsize");
        assertThatThrownBy(() -> d.withLimits(1468, 64, 0)).hasMessageContaining("max transfers");
        assertThatThrownBy(() -> d.withTimers(Duration.ZERO, 5, Duration.ofSeconds(1))).hasMessageContaining("initial timeout");
        assertThatThrownBy(() -> d.withTimers(Duration.ofSeconds(2), 5, Duration.ofSeconds(1))).hasMessageContaining("idle timeout");
        assertThatThrownBy(() -> d.withAddress(d.address(), 70000)).hasMessageContaining("port");
    }

    @Test
    void addressesParseWithAndWithoutHostOrPort() {
        assertThat(TftpSettings.parseAddress("127.0.0.1:6969")).isEqualTo(new InetSocketAddress("127.0.0.1", 6969));
        assertThat(TftpSettings.parseAddress(":6969").getAddress().isAnyLocalAddress()).isTrue();
        assertThat(TftpSettings.parseAddress("127.0.0.1").getPort()).isEqualTo(69);
        assertThat(TftpSettings.parseAddress("[::1]:6969")).isEqualTo(new InetSocketAddress("::1", 6969));
        assertThatThrownBy(() -> TftpSettings.parseAddress("127.0.0.1:tftp")).hasMessageContaining("192.0.2.1:69");
    }

    @Test
    void portRangesParseAndValidate() {
        assertThat(PortRange.parse("50000-50100")).isEqualTo(new PortRange(50000, 50100));
        assertThat(PortRange.parse("")).isEqualTo(PortRange.ANY);
        assertThatThrownBy(() -> PortRange.parse("50100-50000")).hasMessageContaining("FIRST <= LAST");
        assertThatThrownBy(() -> PortRange.parse("lots")).hasMessageContaining("50000-50100");
    }
}
