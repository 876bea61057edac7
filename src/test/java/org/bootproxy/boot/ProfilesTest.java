package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which profile an unknown machine gets: matchbox's rule, the most selectors that all match wins; a tie picks none. */
class ProfilesTest {

    static final MachineFacts R640 = new MachineFacts("CZ21", "Dell Inc.", "PowerEdge R640", "4C4C4544-0042-1234",
            "x86_64", "efi", List.of(MacAddress.parse("b8:ca:3a:00:00:01"), MacAddress.parse("b8:ca:3a:00:00:02"),
                    MacAddress.parse("b8:ca:3a:00:00:03"), MacAddress.parse("b8:ca:3a:00:00:04")), java.util.Optional.empty());

    static Profile profile(String name, String template, String... selectors) {
        Map<Selector, Glob> match = new EnumMap<>(Selector.class);
        for (int i = 0; i < selectors.length; i += 2) {
            Selector s = Selector.fromKey(selectors[i]).orElseThrow();
            match.put(s, s.pattern(selectors[i + 1]));
        }
        return new Profile(name, match, template, Map.of(), "", "profiles/" + name + ".yaml");
    }

    @Test
    void mostSelectorsWinsAndTheReasonNamesThemAndTheOthersThatMatched() {
        Profiles p = new Profiles(List.of(profile("dell", "ipxe/menu", "manufacturer", "Dell*"),
                profile("r640", "ipxe/discovery", "manufacturer", "Dell Inc.", "product", "PowerEdge R640"),
                profile("anything", "ipxe/unknown")));
        ProfileChoice c = p.choose(R640);
        assertThat(c.chosen()).map(Profile::name).contains("r640");
        assertThat(c.why()).isEqualTo("r640: manufacturer=Dell Inc., product=PowerEdge R640 (2 selectors; also matched: dell, anything)");
    }

    @Test
    void aTieAtTheTopPicksNoneAndSaysWhy() {
        Profiles p = new Profiles(List.of(profile("by-vendor", "ipxe/menu", "manufacturer", "Dell*"),
                profile("by-nics", "ipxe/discovery", "nics", "4"), profile("anything", "ipxe/unknown")));
        ProfileChoice c = p.choose(R640);
        assertThat(c.chosen()).isEmpty();
        assertThat(c.why()).contains("by-nics, by-vendor tie with 1 selector each");
    }

    @Test
    void lintFindsProfilesThatCanTieAndLeavesThoseThatExcludeEachOther() {
        Profiles p = new Profiles(List.of(profile("by-vendor", "ipxe/menu", "manufacturer", "Dell*"),
                profile("by-nics", "ipxe/menu", "nics", "4"),
                profile("r640", "ipxe/menu", "manufacturer", "Dell*", "product", "*R640"),
                profile("r740", "ipxe/menu", "manufacturer", "Dell*", "product", "*R740"),
                profile("qemu", "ipxe/menu", "manufacturer", "QEMU", "nics", "4")));
        // by-vendor/by-nics: a 4-NIC Dell matches both. r640/r740: products exclude each other. qemu/r640: vendors do.
        assertThat(p.ties()).singleElement().asString()
                .contains("profiles by-nics (profiles/by-nics.yaml: nics=4) and by-vendor (profiles/by-vendor.yaml:"
                        + " manufacturer=Dell*) can match the same machine with 1 selector each");
    }

    @Test
    void aCatchAllWithoutSelectorsLosesToAnyMatch() {
        Profiles p = new Profiles(List.of(profile("default", "ipxe/menu"), profile("x86", "ipxe/discovery", "arch", "x86_64")));
        assertThat(p.choose(R640).chosen()).map(Profile::name).contains("x86");
        assertThat(p.choose(new MachineFacts("", "", "", List.of())).chosen()).map(Profile::name).contains("default");
    }

    @Test
    void aSelectorOnAFactTheMachineDidNotReportNeverMatches() {
        Profiles p = new Profiles(List.of(profile("any-serial", "ipxe/menu", "serial", "*")));
        assertThat(p.choose(R640).chosen()).isPresent();
        assertThat(p.choose(new MachineFacts("", "QEMU", "Standard PC", List.of())).chosen()).isEmpty();
    }

    @Test
    void everySelectorReadsItsFact() {
        for (String[] s : new String[][] {{"arch", "x86_*"}, {"manufacturer", "dell inc."}, {"product", "*R640"},
                {"serial", "CZ2?"}, {"uuid", "4c4c4544-*"}, {"mac_prefix", "B8-CA-3A"}, {"nics", "[3-4]"}}) {
            assertThat(profile("p", "ipxe/menu", s[0], s[1]).matches(R640)).as(s[0] + "=" + s[1]).isTrue();
        }
        assertThat(profile("p", "ipxe/menu", "mac_prefix", "b8:ca:3b").matches(R640)).isFalse();
        assertThat(profile("p", "ipxe/menu", "nics", "2").matches(R640)).isFalse();
    }
}
