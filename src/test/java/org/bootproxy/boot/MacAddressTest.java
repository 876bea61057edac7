package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MacAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"52:54:00:12:34:56", "52-54-00-12-34-56", "525400123456", "52:54:00:12:34:56 ",
        "AA:BB:CC:DD:EE:FF", "5254.0012.3456", "01-52-54-00-12-34-56", "AA-BB-CC-DD-EE-FF", "aabbccddeeff"})
    void everyUsualSpellingNormalisesToColons(String spelling) {
        String expected = spelling.toLowerCase().contains("aa") ? "aa:bb:cc:dd:ee:ff" : "52:54:00:12:34:56";
        assertThat(MacAddress.parse(spelling).value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "52:54:00:12:34", "52:54:00:12:34:5g", "52:54-00:12:34:56", "5:254:00:12:34:56",
        "52:54:00:12:34:56:78", "../etc/passwd", "52%3A54"})
    void malformedMacsAreRejectedWithAClearMessage(String text) {
        assertThatThrownBy(() -> MacAddress.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAC address");
        assertThat(MacAddress.tryParse(text)).isEmpty();
    }

    @Test
    void offersTheSpellingsEachConsumerNeeds() {
        MacAddress m = MacAddress.parse("AA-BB-CC-DD-EE-FF");
        assertThat(m.colons()).isEqualTo("aa:bb:cc:dd:ee:ff");
        assertThat(m.hyphens()).isEqualTo("aa-bb-cc-dd-ee-ff");
        assertThat(m.bare()).isEqualTo("aabbccddeeff");
        assertThat(m.pxelinux()).isEqualTo("01-aa-bb-cc-dd-ee-ff");
    }

    @Test
    void nullIsAMissingMac() {
        assertThatThrownBy(() -> MacAddress.parse(null)).hasMessageContaining("missing");
    }
}
