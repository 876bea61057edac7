package org.bootproxy.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bootproxy.boot.BootEvent;
import org.junit.jupiter.api.Test;

class EventLogTest {
    static final String MAC = "52:54:00:12:34:56";
    static final String IP = "192.0.2.100";

    static BootEvent at(int second, String mac, String ip, String stage, String detail) {
        return new BootEvent(Instant.parse("2026-11-21T02:00:00Z").plusSeconds(second), mac, ip, stage, detail, "ok", Map.of());
    }

    @Test
    void tftpStagesThatOnlyKnowTheAddressJoinTheMacOnceARequestCarriesBoth() {
        EventLog log = new EventLog(100, 1 << 20);
        log.record(at(1, "", IP, "tftp", "pxelinux.0"));
        log.record(at(2, "", IP, "tftp", "ldlinux.c32"));
        assertThat(log.timeline(MAC)).isEmpty();
        log.record(at(3, MAC, IP, "tftp", "pxelinux.cfg/01-52-54-00-12-34-56"));
        log.record(at(4, "", IP, "ipxe", "ipxe/intermediate")); // iPXE's bootstrap request names no MAC
        assertThat(log.timeline(MAC)).extracting(BootEvent::detail)
                .containsExactly("pxelinux.0", "ldlinux.c32", "pxelinux.cfg/01-52-54-00-12-34-56", "ipxe/intermediate");
        assertThat(log.timeline(MAC).get(0).fields()).containsEntry("mac_from", "client-ip");
        assertThat(log.timeline(MAC).get(2).fields()).doesNotContainKey("mac_from");
        assertThat(log.timeline(MAC)).allSatisfy(e -> assertThat(e.mac()).isEqualTo(MAC));
    }

    @Test
    void anUnknownMachinesReportIsOnTheTimelineOfEveryMacItListed() {
        EventLog log = new EventLog(100, 1 << 20);
        log.record(new BootEvent(Instant.EPOCH, "52:54:00:aa:bb:01", IP, "unknown-machine", "ipxe/unknown", "reported",
                Map.of("macs", "52:54:00:aa:bb:01,52:54:00:aa:bb:02", "serial", "SN123")));
        assertThat(log.timeline("52:54:00:aa:bb:02")).singleElement().extracting(BootEvent::stage).isEqualTo("unknown-machine");
        assertThat(log.timeline("52:54:00:aa:bb:01")).hasSize(1);
    }

    @Test
    void eachMacKeepsItsLastEventsAndAllTimelinesStayUnderTheByteBound() {
        EventLog log = new EventLog(5, 1 << 20);
        for (int i = 0; i < 20; i++) {
            log.record(at(i, MAC, IP, "ipxe", "n" + i));
        }
        assertThat(log.timeline(MAC)).extracting(BootEvent::detail).containsExactly("n15", "n16", "n17", "n18", "n19");

        long bound = 64 * 1024;
        EventLog small = new EventLog(1000, bound);
        for (int m = 0; m < 500; m++) {
            String mac = String.format("52:54:00:00:%02x:%02x", m / 256, m % 256);
            for (int i = 0; i < 10; i++) {
                small.record(at(i, mac, "192.0.2." + (m % 250), "ipxe", "ipxe/kickstart"));
            }
            small.record(at(20, "", "198.51.100." + (m % 250), "tftp", "pxelinux.0")); // waiting for a MAC
            assertThat(small.bytes()).isLessThanOrEqualTo(bound);
        }
        assertThat(small.timeline("52:54:00:00:01:f3")).hasSize(10); // the most recent MACs are kept
        assertThat(small.timeline("52:54:00:00:00:00")).isEmpty(); // the oldest went first
        assertThat(small.latest()).isNotEmpty().first().extracting(BootEvent::mac).isEqualTo("52:54:00:00:01:f3");
    }

    @Test
    void theBytesCountedAreThoseOfTheEventsKeptWhileFullTimelinesDropTheirOldest() {
        EventLog log = new EventLog(3, 1 << 20);
        for (int i = 0; i < 40; i++) { // events of different sizes, the timeline's ring grown and wrapped
            log.record(at(i, MAC, IP, "ipxe", "x".repeat(i % 7)));
            log.record(at(i, "52:54:00:00:00:02", IP, "provision", "y".repeat(i)));
        }
        long kept = log.timeline(MAC).stream().mapToLong(EventLog::size).sum()
                + log.timeline("52:54:00:00:00:02").stream().mapToLong(EventLog::size).sum();
        assertThat(log.timeline(MAC)).hasSize(3);
        assertThat(log.bytes()).isEqualTo(kept);

        EventLog wide = new EventLog(50, 1 << 20); // more events than the ring starts with, then dropped again
        for (int i = 0; i < 120; i++) {
            wide.record(at(i, MAC, IP, "ipxe", "z".repeat(i % 13)));
        }
        assertThat(wide.timeline(MAC)).hasSize(50).first().extracting(BootEvent::detail).isEqualTo("z".repeat(70 % 13));
        assertThat(wide.bytes()).isEqualTo(wide.timeline(MAC).stream().mapToLong(EventLog::size).sum());
    }

    @Test
    void theTimelineUpdatedLastComesFirstAndGoesLastEvenWhenItsMacAsksTwiceInARow() {
        String a = "52:54:00:00:00:0a";
        String b = "52:54:00:00:00:0b";
        String c = "52:54:00:00:00:0c";
        EventLog log = new EventLog(100, 1 << 20);
        log.record(at(1, a, IP, "ipxe", "x"));
        log.record(at(2, b, IP, "ipxe", "x"));
        log.record(at(3, a, IP, "ipxe", "x"));
        log.record(at(4, a, IP, "ipxe", "x"));
        assertThat(log.latest()).extracting(BootEvent::mac).containsExactly(a, b);
        log.record(at(5, b, IP, "ipxe", "x"));
        log.record(at(6, b, IP, "ipxe", "x"));
        assertThat(log.latest()).extracting(BootEvent::mac).containsExactly(b, a);

        // past the byte bound the timeline updated least recently goes: a, though it has more events than c
        long one = EventLog.size(at(1, a, IP, "ipxe", "x"));
        EventLog small = new EventLog(100, 4 * one);
        small.record(at(1, a, IP, "ipxe", "x"));
        small.record(at(2, a, IP, "ipxe", "x"));
        small.record(at(3, c, IP, "ipxe", "x"));
        small.record(at(4, b, IP, "ipxe", "x"));
        small.record(at(5, b, IP, "ipxe", "x"));
        assertThat(small.latest()).extracting(BootEvent::mac).containsExactly(b, c);
    }

    @Test
    void aFollowerGetsEveryNewEventOfItsMacUntilItStops() throws Exception {
        EventLog log = new EventLog(100, 1 << 20);
        List<BootEvent> got = new ArrayList<>();
        AutoCloseable handle = log.follow(MAC, got::add);
        log.record(at(1, "", IP, "tftp", "pxelinux.0"));
        log.record(at(2, MAC, IP, "ipxe", "ipxe/kickstart"));
        log.record(at(3, "52:54:00:99:99:99", "192.0.2.9", "ipxe", "other"));
        assertThat(got).extracting(BootEvent::detail).containsExactly("pxelinux.0", "ipxe/kickstart");
        handle.close();
        log.record(at(4, MAC, IP, "provision", "provision/kickstart"));
        assertThat(got).hasSize(2);
        assertThat(log.followers()).isZero();
    }
}
