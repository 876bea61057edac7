package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionNegotiationTest {

    private static OptionNegotiation.Negotiated negotiate(Map<String, String> asked) throws OptionNegotiation.Refused {
        return OptionNegotiation.negotiate(asked, 70_000, 1468, 64);
    }

    @Test
    void noOptionsMeansNoOackAndRfc1350Blocks() throws Exception {
        var n = negotiate(Map.of());
        assertThat(n.hasOack()).isFalse();
        assertThat(n.blksize()).isEqualTo(512);
        assertThat(n.windowsize()).isEqualTo(1);
    }

    @Test
    void blksizeIsGrantedUpToTheConfiguredMaximum() throws Exception {
        assertThat(negotiate(Map.of("blksize", "1408")).oack()).containsEntry("blksize", "1408");
        var capped = negotiate(Map.of("blksize", "65464"));
        assertThat(capped.blksize()).isEqualTo(1468);
        assertThat(capped.oack()).containsEntry("blksize", "1468");
    }

    @Test
    void tsizeAnswersTheTrueSizeWhateverTheClientSent() throws Exception {
        assertThat(negotiate(Map.of("tsize", "0")).oack()).containsEntry("tsize", "70000");
        assertThat(negotiate(Map.of("tsize", "enable")).oack()).containsEntry("tsize", "70000");
    }

    @Test
    void emptyFileGetsNoTsizeBecauseCurlRejectsZero() throws Exception {
        var n = OptionNegotiation.negotiate(Map.of("tsize", "0", "blksize", "512"), 0, 1468, 64);
        assertThat(n.oack()).containsOnlyKeys("blksize");
    }

    @Test
    void timeoutIsEchoedExactly() throws Exception {
        var n = negotiate(Map.of("timeout", "3"));
        assertThat(n.timeoutSeconds()).isEqualTo(3);
        assertThat(n.oack()).containsEntry("timeout", "3");
    }

    @Test
    void windowsizeIsGrantedUpToTheConfiguredMaximum() throws Exception {
        assertThat(negotiate(Map.of("windowsize", "8")).windowsize()).isEqualTo(8);
        assertThat(negotiate(Map.of("windowsize", "65535")).oack()).containsEntry("windowsize", "64");
    }

    @Test
    void unknownOptionsAreLeftOutOfTheOack() throws Exception {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("multicast", "");
        asked.put("rollover", "1");
        asked.put("blksize", "1024");
        var n = negotiate(asked);
        assertThat(n.oack()).containsOnlyKeys("blksize");
        assertThat(negotiate(Map.of("utimeout", "5000")).hasOack()).isFalse();
    }

    @Test
    void oackListsOptionsInAFixedOrder() throws Exception {
        Map<String, String> asked = new LinkedHashMap<>();
        asked.put("windowsize", "4");
        asked.put("tsize", "0");
        asked.put("blksize", "1468");
        assertThat(negotiate(asked).oack().keySet()).containsExactly("blksize", "tsize", "windowsize");
    }

    @Test
    void valuesOutsideTheirRfcRangeAreRefused() {
        assertThatThrownBy(() -> negotiate(Map.of("blksize", "7"))).isInstanceOf(OptionNegotiation.Refused.class)
                .hasMessageContaining("blksize");
        assertThatThrownBy(() -> negotiate(Map.of("blksize", "65465"))).isInstanceOf(OptionNegotiation.Refused.class);
        assertThatThrownBy(() -> negotiate(Map.of("blksize", "99999999999999999999"))).isInstanceOf(OptionNegotiation.Refused.class);
        assertThatThrownBy(() -> negotiate(Map.of("timeout", "0"))).isInstanceOf(OptionNegotiation.Refused.class);
        assertThatThrownBy(() -> negotiate(Map.of("timeout", "256"))).isInstanceOf(OptionNegotiation.Refused.class);
        assertThatThrownBy(() -> negotiate(Map.of("windowsize", "0"))).isInstanceOf(OptionNegotiation.Refused.class);
        assertThatThrownBy(() -> negotiate(Map.of("windowsize", "65536"))).isInstanceOf(OptionNegotiation.Refused.class);
    }

    @Test
    void valuesThatAreNotNumbersAreRefused() {
        assertThatThrownBy(() -> negotiate(Map.of("blksize", "large"))).isInstanceOf(OptionNegotiation.Refused.class)
                .hasMessageContaining("'large'");
        assertThatThrownBy(() -> negotiate(Map.of("blksize", "-512"))).isInstanceOf(OptionNegotiation.Refused.class);
        assertThatThrownBy(() -> negotiate(Map.of("windowsize", ""))).isInstanceOf(OptionNegotiation.Refused.class);
        assertThatThrownBy(() -> negotiate(Map.of("timeout", " 5"))).isInstanceOf(OptionNegotiation.Refused.class);
    }
}
