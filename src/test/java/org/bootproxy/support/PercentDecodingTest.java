package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PercentDecodingTest {

    @Test
    void aPlusStaysAPlus() {
        // iPXE's :uristring sends QEMU's product like this; form decoding would turn "+" into a space
        assertThat(PercentDecoding.decode("Standard%20PC%20(i440FX%20+%20PIIX,%201996)"))
                .contains("Standard PC (i440FX + PIIX, 1996)");
        assertThat(PercentDecoding.decode("SN%2B1%2f2")).contains("SN+1/2");
    }

    @Test
    void escapesAreDecodedOnceAsUtf8() {
        assertThat(PercentDecoding.decode("%2525")).contains("%25");
        assertThat(PercentDecoding.decode("caf%C3%A9")).contains("café");
        assertThat(PercentDecoding.decode("café")).contains("café");
        assertThat(PercentDecoding.decode("😀%20x")).contains("😀 x");
    }

    @Test
    void malformedEscapesAreRefused() {
        for (String bad : new String[] {"bad%zz", "%4", "%", "a%g0", "%٣٣"}) {
            assertThat(PercentDecoding.decode(bad)).as(bad).isEmpty();
        }
    }
}
