package org.bootproxy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.bootproxy.boot.BootEvent;
import org.junit.jupiter.api.Test;

class BootMetricsTest {

    @Test
    void countsAnswersByStageAndOutcomeAndSumsTftpBytes() {
        var m = new BootMetrics();
        m.record(new BootEvent(Instant.EPOCH, "52:54:00:00:01:01", "192.0.2.11", "ipxe", "ipxe/kickstart", "200",
                Map.of("ms", "12")));
        m.record(new BootEvent(Instant.EPOCH, "", "192.0.2.11", "tftp", "pxelinux.0", "ok",
                Map.of("ms", "40", "bytes", "46909", "retransmits", "2")));
        m.record(new BootEvent(Instant.EPOCH, "", "192.0.2.12", "tftp", "pxelinux.0", "ok",
                Map.of("ms", "41", "bytes", "46909", "retransmits", "0")));
        m.record(new BootEvent(Instant.EPOCH, "52:54:00:00:01:01", "192.0.2.11", "built", "web01", "recorded", Map.of()));
        String text = m.scrape();
        assertThat(text).contains("bootproxy_events_total{outcome=\"200\",stage=\"ipxe\"} 1.0")
                .contains("bootproxy_events_total{outcome=\"ok\",stage=\"tftp\"} 2.0")
                .contains("bootproxy_events_total{outcome=\"recorded\",stage=\"built\"} 1.0")
                .contains("bootproxy_tftp_sent_bytes_total 93818.0")
                .contains("bootproxy_tftp_retransmits_total 2.0")
                .contains("bootproxy_answer_duration_milliseconds_count{stage=\"tftp\"} 2");
    }

    @Test
    void eventsWithoutNumbersAreCountedAndNothingBreaks() {
        var m = new BootMetrics();
        m.record(new BootEvent(Instant.EPOCH, "", "", "tftp", "x", "error", Map.of("ms", "n/a")));
        assertThat(m.scrape()).contains("bootproxy_events_total{outcome=\"error\",stage=\"tftp\"} 1.0");
    }
}
