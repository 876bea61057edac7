package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.Test;

class HostIndexTest {

    private static final int MANY = HostIndex.PARALLEL_FROM * 3;

    @Test
    void indexBuiltSideBySideAnswersEveryLookupAsTheOneBuiltInTurn() {
        List<ParsedHost> parsed = hosts(MANY);
        // a few values two files claim: neither file's host is found by them, each file gets a problem
        parsed.set(2000, host(2000, mac(10), "10.9.0.1", ""));
        parsed.set(2500, host(2500, mac(2500), ip(20), ""));
        parsed.set(31, host(31, mac(31), ip(31), token(30)));

        HostIndex sideBySide = HostIndex.inParallel(parsed);
        HostIndex inTurn = HostIndex.inTurn(parsed);

        assertSameLookups(parsed, sideBySide, inTurn);
        assertThat(sideBySide.byMac(mac(10))).isEmpty();
        assertThat(sideBySide.byIp(ip(20))).isEmpty();
        assertThat(sideBySide.byToken(token(30))).isEmpty();
        assertThat(sideBySide.clashes()).hasSize(6);
        assertThat(HostIndex.of(parsed).clashes()).isEqualTo(inTurn.clashes());
    }

    @Test
    void everyHostIsServedOnceWhenTheIndexIsBuiltSideBySide() {
        List<ParsedHost> parsed = hosts(MANY);

        HostIndex index = HostIndex.inParallel(parsed);

        assertThat(index.hosts()).hasSize(MANY).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> a.name().compareTo(b.name()));
        for (int i = 0; i < MANY; i++) {
            assertThat(index.byMac(mac(i))).contains(parsed.get(i).host());
            assertThat(index.byIp(ip(i))).contains(parsed.get(i).host());
            assertThat(index.byToken(token(i))).contains(parsed.get(i).host());
        }
        assertThat(index.clashes()).isEmpty();
    }

    @Test
    void hostsSharingANameClaimNothingAlsoWhenTheIndexIsBuiltSideBySide() {
        List<ParsedHost> parsed = hosts(MANY);
        // 7 takes 5's name: neither is served, so 7's MAC, which 9 has too, is 9's alone
        Host renamed = Hosts.web01().name(name(5)).onlyNic(mac(9), "10.8.0.7").token(token(7)).build();
        parsed.set(7, new ParsedHost(file(7), renamed, 1, 3, Map.of(mac(9), 4), Map.of("10.8.0.7", 5)));

        HostIndex sideBySide = HostIndex.inParallel(parsed);

        assertSameLookups(parsed, sideBySide, HostIndex.inTurn(parsed));
        assertThat(sideBySide.byMac(mac(9))).contains(parsed.get(9).host());
        assertThat(sideBySide.byMac(mac(5))).isEmpty();
        assertThat(sideBySide.hosts()).hasSize(MANY - 2);
        assertThat(sideBySide.clashes()).extracting(HostFileProblem::file).containsExactly(file(5), file(7));
    }

    private static void assertSameLookups(List<ParsedHost> parsed, HostIndex actual, HostIndex expected) {
        assertThat(actual.hosts()).isEqualTo(expected.hosts());
        assertThat(actual.clashes()).isEqualTo(expected.clashes());
        Set<String> found = new HashSet<>();
        for (ParsedHost p : parsed) {
            for (MacAddress m : p.macLines().keySet()) {
                assertThat(actual.byMac(m)).isEqualTo(expected.byMac(m));
                actual.byMac(m).ifPresent(h -> found.add(h.name()));
            }
            for (String a : p.ipLines().keySet()) {
                assertThat(actual.byIp(a)).isEqualTo(expected.byIp(a));
                actual.byIp(a).ifPresent(h -> found.add(h.name()));
            }
            assertThat(actual.byToken(p.host().token())).isEqualTo(expected.byToken(p.host().token()));
        }
        assertThat(found).hasSize(expected.hosts().size()); // every host served is found by a MAC or an IP
    }

    private static List<ParsedHost> hosts(int n) {
        List<ParsedHost> parsed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            parsed.add(host(i, mac(i), ip(i), token(i)));
        }
        return parsed;
    }

    private static ParsedHost host(int i, MacAddress mac, String ip, String token) {
        Host h = Hosts.web01().name(name(i)).onlyNic(mac, ip).token(token).build();
        return new ParsedHost(file(i), h, 1, 3, Map.of(mac, 4), Map.of(ip, 5));
    }

    private static String name(int i) {
        return "node%05d.example.com".formatted(i);
    }

    private static Path file(int i) {
        return Path.of("/hosts", name(i) + ".yaml");
    }

    private static MacAddress mac(int i) {
        return MacAddress.parse("52:55:00:%02x:%02x:01".formatted(i >> 8 & 255, i & 255));
    }

    private static String ip(int i) {
        return "10.0.%d.%d".formatted(i >> 8 & 255, i & 255);
    }

    private static String token(int i) {
        return "tok-%05d".formatted(i);
    }
}
