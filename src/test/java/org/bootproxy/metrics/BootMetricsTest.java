package org.bootproxy.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.BootEvent;
import org.junit.jupiter.api.Test;

class BootMetricsTest {

    static BootEvent http(String stage, String template, String status, Map<String, String> fields) {
        return new BootEvent(Instant.EPOCH, "52:54:00:00:01:01", "192.0.2.11", stage, template, status, fields);
    }

    @Test
    void aRetryScriptCountsAsRetryAndARenderErrorAsErrorThoughBothAre200() {
        var m = new BootMetrics();
        m.record(http("ipxe", "ipxe/kickstart", "200", Map.of("ms", "12", "result", "ok")));
        m.record(http("ipxe", "", "200", Map.of("ms", "3", "result", "retry", "reason", "inventory unavailable")));
        m.record(http("ipxe", "ipxe/kickstart", "200", Map.of("ms", "4", "result", "error", "error", "template")));
        m.record(http("provision", "provision/kickstart", "500", Map.of("ms", "4", "result", "error", "error", "template")));
        m.record(http("ipxe", "", "404", Map.of("ms", "1", "result", "not_found")));
        String text = m.scrape();
        assertThat(text).contains("bootproxy_answers_total{outcome=\"ok\",stage=\"ipxe\"} 1.0")
                .contains("bootproxy_answers_total{outcome=\"retry\",stage=\"ipxe\"} 1.0")
                .contains("bootproxy_answers_total{outcome=\"error\",stage=\"ipxe\"} 1.0")
                .contains("bootproxy_answers_total{outcome=\"error\",stage=\"provision\"} 1.0")
                .contains("bootproxy_answers_total{outcome=\"not_found\",stage=\"ipxe\"} 1.0")
                .doesNotContain("outcome=\"200\"");
        assertThat(m.failingTemplates()).containsOnlyKeys("ipxe/kickstart", "provision/kickstart");
        m.record(http("ipxe", "ipxe/kickstart", "200", Map.of("ms", "12", "result", "ok")));
        assertThat(m.failingTemplates()).containsOnlyKeys("provision/kickstart");
    }

    @Test
    void anAnswerWithoutAResultIsSortedByItsStatusAndAnyOtherOutcomeKeepsItsName() {
        assertThat(BootMetrics.outcome(http("ipxe", "", "204", Map.of()))).isEqualTo("ok");
        assertThat(BootMetrics.outcome(http("ipxe", "", "404", Map.of()))).isEqualTo("not_found");
        assertThat(BootMetrics.outcome(http("ipxe", "", "400", Map.of()))).isEqualTo("bad_request");
        assertThat(BootMetrics.outcome(http("ipxe", "", "503", Map.of()))).isEqualTo("unavailable");
        assertThat(BootMetrics.outcome(http("ipxe", "", "502", Map.of()))).isEqualTo("error");
        assertThat(BootMetrics.outcome(http("ipxe", "", "409", Map.of()))).isEqualTo("refused");
        // not three ASCII digits: a word of its own, in the metric's spelling
        assertThat(BootMetrics.outcome(http("ipxe", "", "2000", Map.of()))).isEqualTo("2000");
        assertThat(BootMetrics.outcome(http("ipxe", "", "\u0664\u0660\u0664", Map.of()))).isEqualTo("\u0664\u0660\u0664");
        assertThat(BootMetrics.outcome(http("ipxe", "", "Timed-Out", Map.of()))).isEqualTo("timed_out");
    }

    @Test
    void durationsAreSecondsInAHistogramWithBuckets() {
        var m = new BootMetrics();
        m.record(http("ipxe", "ipxe/kickstart", "200", Map.of("ms", "12", "result", "ok")));
        assertThat(m.scrape()).contains("bootproxy_answer_duration_seconds_bucket{stage=\"ipxe\",le=\"0.025\"} 1")
                .contains("bootproxy_answer_duration_seconds_bucket{stage=\"ipxe\",le=\"0.01\"} 0")
                .contains("bootproxy_answer_duration_seconds_count{stage=\"ipxe\"} 1")
                .contains("bootproxy_answer_duration_seconds_sum{stage=\"ipxe\"} 0.012");
    }

    @Test
    void tftpTransfersBytesAndRetransmissionsByOutcome() {
        var m = new BootMetrics();
        m.record(new BootEvent(Instant.EPOCH, "", "192.0.2.11", "tftp", "pxelinux.0", "ok",
                Map.of("ms", "40", "bytes", "46909", "retransmits", "2")));
        m.record(new BootEvent(Instant.EPOCH, "", "192.0.2.12", "tftp", "pxelinux.0", "ok",
                Map.of("ms", "41", "bytes", "46909", "retransmits", "0")));
        m.record(new BootEvent(Instant.EPOCH, "", "192.0.2.12", "tftp", "ipxe.lkrn", "aborted",
                Map.of("ms", "900", "bytes", "1024", "retransmits", "10")));
        m.record(new BootEvent(Instant.EPOCH, "", "192.0.2.13", "tftp", "x", "not-found", Map.of("ms", "n/a")));
        String text = m.scrape();
        assertThat(text).contains("bootproxy_tftp_transfers_total{outcome=\"ok\"} 2.0")
                .contains("bootproxy_tftp_transfers_total{outcome=\"aborted\"} 1.0")
                .contains("bootproxy_tftp_transfers_total{outcome=\"not_found\"} 1.0")
                .contains("bootproxy_tftp_sent_bytes_total{outcome=\"ok\"} 93818.0")
                .contains("bootproxy_tftp_sent_bytes_total{outcome=\"aborted\"} 1024.0")
                .contains("bootproxy_tftp_retransmissions_total{outcome=\"ok\"} 2.0")
                .contains("bootproxy_tftp_retransmissions_total{outcome=\"aborted\"} 10.0")
                .contains("bootproxy_answers_total{outcome=\"not_found\",stage=\"tftp\"} 1.0");
    }

    @Test
    void buildResultsUnknownMachinesAndAnnouncementsAreCounted() {
        var m = new BootMetrics();
        m.record(http("built", "built", "201", Map.of("result", "ok")));
        m.record(new BootEvent(Instant.EPOCH, "52:54:00:00:01:01", "", "built", "web01", "recorded", Map.of()));
        m.record(new BootEvent(Instant.EPOCH, "52:54:00:00:01:02", "", "failed", "web02", "recorded", Map.of()));
        m.record(new BootEvent(Instant.EPOCH, "52:54:00:00:09:01", "", "unknown-machine", "ipxe/unknown", "reported", Map.of()));
        m.record(new BootEvent(Instant.EPOCH, "52:54:00:00:09:01", "", "announce", "foreman", "retry", Map.of()));
        m.record(new BootEvent(Instant.EPOCH, "52:54:00:00:09:01", "", "announce", "foreman", "ok", Map.of()));
        m.gaugeDiscoveredMachines(() -> 3);
        assertThat(m.scrape()).contains("bootproxy_builds_total{result=\"built\"} 1.0")
                .contains("bootproxy_builds_total{result=\"failed\"} 1.0")
                .contains("bootproxy_unknown_machines_total 1.0")
                .contains("bootproxy_discovery_announcements_total{outcome=\"retry\",target=\"foreman\"} 1.0")
                .contains("bootproxy_discovery_announcements_total{outcome=\"ok\",target=\"foreman\"} 1.0")
                .contains("bootproxy_discovered_machines 3.0");
    }

    @Test
    void inventoryLookupsBySourceAndUpstreamLatency() {
        var m = new BootMetrics();
        for (String source : new String[] {"fresh", "cached", "cached", "stale", "miss", "error"}) {
            m.answered(source);
        }
        m.upstreamCall(Duration.ofMillis(30), Optional.empty());
        m.upstreamCall(Duration.ofSeconds(5), Optional.of("connect timeout"));
        assertThat(m.scrape()).contains("bootproxy_inventory_lookups_total{source=\"cached\"} 2.0")
                .contains("bootproxy_inventory_lookups_total{source=\"stale\"} 1.0")
                .contains("bootproxy_inventory_lookups_total{source=\"error\"} 1.0")
                .contains("bootproxy_inventory_upstream_duration_seconds_count{outcome=\"ok\"} 1")
                .contains("bootproxy_inventory_upstream_duration_seconds_bucket{outcome=\"error\",le=\"5.0\"} 1");
        assertThat(m.upstreamState()).hasValueSatisfying(s -> {
            assertThat(s.up()).isFalse();
            assertThat(s.lastError()).isEqualTo("connect timeout");
        });
    }
}
