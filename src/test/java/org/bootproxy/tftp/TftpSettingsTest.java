package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TftpSettingsTest {

    @Test
    void outOfRangeValuesAreRefusedWithTheirRange() {
        var d = TftpSettingsBuilder.serving(Path.of("tftpboot"));
        assertThatThrownBy(() -> d.limits(65465, 64, 10).build()).hasMessageContaining("8..65464");
        assertThatThrownBy(() -> d.limits(1468, 0, 10).build()).hasMessageContaining("windowsize");
        assertThatThrownBy(() -> d.limits(1468, 64, 0).build()).hasMessageContaining("max transfers");
        d.limits(1468, 64, 10);
        assertThatThrownBy(() -> d.timers(Duration.ZERO, 5, Duration.ofSeconds(1)).build()).hasMessageContaining("initial timeout");
        assertThatThrownBy(() -> d.timers(Duration.ofSeconds(2), 5, Duration.ofSeconds(1)).build()).hasMessageContaining("idle timeout");
        d.timers(Duration.ofSeconds(1), 5, Duration.ofSeconds(30));
        assertThatThrownBy(() -> d.listen(InetAddress.getLoopbackAddress(), 70000).build()).hasMessageContaining("port");
    }

    @Test
    void rootIsMadeAbsolute() {
        assertThat(TftpSettingsBuilder.serving(Path.of("tftpboot")).build().root()).isEqualTo(Path.of("tftpboot").toAbsolutePath());
    }

    @Test
    void portRangesValidate() {
        assertThat(new PortRange(50000, 50100).size()).isEqualTo(101);
        assertThat(PortRange.ANY.isAny()).isTrue();
        assertThatThrownBy(() -> new PortRange(50100, 50000)).hasMessageContaining("FIRST <= LAST");
    }
}
