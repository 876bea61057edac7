package org.bootproxy.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.MachineReport;
import org.bootproxy.boot.MachineReport.Kind;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalRegistryTest {
    static final MacAddress A = MacAddress.parse("52:54:00:aa:00:01");
    static final MacAddress B = MacAddress.parse("52:54:00:aa:00:02");
    static final MacAddress C = MacAddress.parse("52:54:00:aa:00:03");

    @TempDir
    Path state;

    final MutableClock clock = new MutableClock();
    JournalRegistry registry;

    @AfterEach
    void close() {
        if (registry != null) {
            registry.close();
        }
    }

    JournalRegistry open() {
        if (registry != null) {
            registry.close();
        }
        registry = new JournalRegistry(state, DiscoverySettings.DEFAULTS, List.of(), BootEvents.NONE, clock);
        return registry;
    }

    MachineReport unknown(String serial, MacAddress... macs) {
        MachineFacts f = new MachineFacts(serial, "QEMU", "Standard PC (i440FX + PIIX, 1996)", "86a9f546-d31b-4ba2-9bbb-303b61bcf8d1",
                "i386", "pcbios", List.of(macs), Optional.of(macs[macs.length - 1]));
        return new MachineReport(clock.instant(), "192.0.2.100", List.of(), f, Kind.UNKNOWN_ANSWER, "");
    }

    MachineReport nic(MacAddress mac, String serial, String host) {
        MachineFacts f = new MachineFacts(serial, "QEMU", "Standard PC", "", "x86_64", "efi", List.of(), Optional.empty());
        return new MachineReport(clock.instant(), "192.0.2.101", List.of(mac), f, Kind.NIC, host);
    }

    @Test
    void anUnknownMachineIsRecordedWithEverythingItReported() {
        DiscoveredMachine m = open().report(unknown("SN123", A, B));
        assertThat(m.id()).isEqualTo("525400aa0001");
        assertThat(m.macs()).containsExactly(A, B);
        assertThat(m.bootif()).isEqualTo(B.colons());
        assertThat(m.serial()).isEqualTo("SN123");
        assertThat(m.manufacturer()).isEqualTo("QEMU");
        assertThat(m.product()).isEqualTo("Standard PC (i440FX + PIIX, 1996)");
        assertThat(m.uuid()).isEqualTo("86a9f546-d31b-4ba2-9bbb-303b61bcf8d1");
        assertThat(m.arch()).isEqualTo("i386");
        assertThat(m.platform()).isEqualTo("pcbios");
        assertThat(m.clientIp()).isEqualTo("192.0.2.100");
        assertThat(m.firstSeen()).isEqualTo(clock.instant());
        assertThat(m.boots()).isEqualTo(1);
        assertThat(m.unknownAnswer()).isTrue();
        assertThat(m.announceable()).isTrue();
        assertThat(registry.all()).containsExactly(m);
    }

    @Test
    void oneRunOfTheIntermediateScriptIsOneBootOfOneMachine() {
        open();
        registry.report(nic(A, "", ""));
        registry.report(nic(B, "", ""));
        DiscoveredMachine m = registry.report(unknown("", A, B));
        assertThat(registry.all()).hasSize(1);
        assertThat(m.macs()).containsExactly(A, B);
        assertThat(m.boots()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(30)); // the unknown answer ends a run: the next report is the next boot
        assertThat(registry.report(nic(A, "", "")).boots()).isEqualTo(2);
        clock.advance(MachineBook.BOOT_GAP.plusSeconds(1)); // a run left open long ago is over too
        assertThat(registry.report(nic(A, "", "")).boots()).isEqualTo(3);
    }

    @Test
    void aSightingThatJoinsTwoRecordsMergesThemIntoTheOlder() {
        open();
        registry.report(nic(A, "", ""));
        clock.advance(Duration.ofMinutes(10));
        registry.report(nic(C, "", ""));
        assertThat(registry.all()).hasSize(2);
        DiscoveredMachine m = registry.report(unknown("", A, C));
        assertThat(registry.all()).containsExactly(m);
        assertThat(m.id()).isEqualTo(A.bare());
        assertThat(m.macs()).containsExactly(A, C);
        assertThat(registry.find(C.colons())).contains(m);
    }

    @Test
    void aRealSerialNumberFindsTheMachineAgainWhateverItsMacs() {
        open();
        registry.report(unknown("CZJ12345", A));
        DiscoveredMachine m = registry.report(unknown("CZJ12345", C)); // a NIC was replaced
        assertThat(registry.all()).containsExactly(m);
        assertThat(m.macs()).containsExactly(A, C);
    }

    @Test
    void placeholderSerialNumbersTellNoMachinesApart() {
        open();
        for (String junk : List.of("To Be Filled By O.E.M.", "Not Specified", "0000000000", "Default string")) {
            registry.report(unknown(junk, MacAddress.parse("52:54:00:bb:00:0" + registry.all().size())));
        }
        assertThat(registry.all()).hasSize(4);
        assertThat(MachineBook.usableSerial("CZJ12345")).isTrue();
        assertThat(MachineBook.usableSerial("........")).isFalse();
    }

    @Test
    void aKnownHostIsRecordedButNotAnnouncedAndAnUnknownAnswerClearsTheHost() {
        open();
        DiscoveredMachine known = registry.report(nic(A, "SN9", "web01.example.com"));
        assertThat(known.host()).isEqualTo("web01.example.com");
        assertThat(known.announceable()).isFalse();
        DiscoveredMachine stillKnown = registry.report(nic(B, "SN9", "")); // one unknown NIC says nothing of the others
        assertThat(stillKnown.host()).isEqualTo("web01.example.com");
        DiscoveredMachine unknownNow = registry.report(unknown("SN9", A, B)); // the host file was deleted
        assertThat(unknownNow.host()).isEmpty();
        assertThat(unknownNow.announceable()).isTrue();
    }

    @Test
    void machinesAndRemovalsSurviveARestart() {
        open();
        DiscoveredMachine a = registry.report(unknown("SN1", A));
        registry.report(unknown("SN2", B));
        registry.report(unknown("SN3", C));
        assertThat(registry.remove(B.colons())).isPresent();
        assertThat(registry.remove("no-such-machine")).isEmpty();

        open();
        assertThat(registry.all()).extracting(DiscoveredMachine::serial).containsExactlyInAnyOrder("SN1", "SN3");
        assertThat(registry.find(A.bare())).contains(a);
    }

    @Test
    void aChangeCutShortByACrashIsDroppedAndTheRestIsKept() throws IOException {
        open().report(unknown("SN1", A));
        registry.report(unknown("SN2", B));
        registry.close();
        registry = null;
        Path journal = state.resolve(JournalRegistry.FILE_NAME);
        // kill -9 in the middle of an append: a line without its newline, never acknowledged
        Files.writeString(journal, "{\"op\":\"put\",\"boot_open\":false,\"machine\":{\"id\":\"5254", StandardOpenOption.APPEND);

        open();
        assertThat(registry.all()).extracting(DiscoveredMachine::serial).containsExactlyInAnyOrder("SN1", "SN2");
        assertThat(Files.readString(journal)).endsWith("}\n"); // rewritten without the torn tail
        registry.report(unknown("SN3", C));
        open();
        assertThat(registry.all()).hasSize(3);
    }

    @Test
    void aDamagedLineIsSkippedAndTheOthersAreRead() throws IOException {
        open().report(unknown("SN1", A));
        registry.close();
        registry = null;
        Path journal = state.resolve(JournalRegistry.FILE_NAME);
        Files.writeString(journal, "this is not json\n{\"op\":\"put\",\"machine\":{\"id\":\"x\",\"macs\":[\"zz\"]}}\n",
                StandardOpenOption.APPEND);
        open();
        assertThat(registry.all()).extracting(DiscoveredMachine::serial).containsExactly("SN1");
    }

    @Test
    void theJournalIsRewrittenWhenItHasGrownFourTimesItsLiveSize() throws IOException {
        open().report(unknown("SN1", A));
        Path journal = state.resolve(JournalRegistry.FILE_NAME);
        long oneRecord = Files.size(journal);
        for (int i = 0; i < 2500; i++) { // the same machine booting again and again: one live record
            clock.advance(Duration.ofMinutes(6));
            registry.report(unknown("SN1", A));
        }
        assertThat(Files.size(journal)).isLessThanOrEqualTo(JournalRegistry.MIN_COMPACT_BYTES + 2 * oneRecord);
        open();
        assertThat(registry.all()).singleElement().extracting(DiscoveredMachine::boots).isEqualTo(2501);
    }

    @Test
    void pastTheLimitTheLeastRecentlySeenMachineIsForgotten() {
        registry = new JournalRegistry(state, new DiscoverySettings(2, Duration.ofSeconds(1), Duration.ofSeconds(2)),
                List.of(), BootEvents.NONE, clock);
        registry.report(unknown("SN1", A));
        clock.advance(Duration.ofSeconds(1));
        registry.report(unknown("SN2", B));
        clock.advance(Duration.ofSeconds(1));
        registry.report(unknown("SN1", A)); // A is seen again: B is now the least recent
        clock.advance(Duration.ofSeconds(1));
        registry.report(unknown("SN3", C));
        assertThat(registry.all()).extracting(DiscoveredMachine::serial).containsExactly("SN3", "SN1");
        open();
        assertThat(registry.all()).extracting(DiscoveredMachine::serial).containsExactly("SN3", "SN1");
    }

    @Test
    void theJournalIsPlainJsonLinesAnOperatorCanRead() throws IOException {
        open().report(unknown("SN1", A));
        String text = Files.readString(state.resolve(JournalRegistry.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(text.lines()).singleElement().asString()
                .startsWith("{\"op\":\"put\"").contains("\"serial\":\"SN1\"", "\"macs\":[\"52:54:00:aa:00:01\"]");
    }
}
