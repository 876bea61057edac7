package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    @Test
    void distanceCountsSingleCharacterEdits() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }

    @Test
    void aTypoGetsTheClosestKnownName() {
        assertThat(DidYouMean.closest("buidl", List.of("name", "build", "interfaces"), 2)).contains("build");
        assertThat(DidYouMean.closest("tftp_root", List.of("tftproot", "templates"), 2)).contains("tftproot");
    }

    @Test
    void caseAndDashesDoNotCountAsEdits() {
        assertThat(DidYouMean.closest("Trusted-Proxies", List.of("trusted_proxies"), 0)).contains("trusted_proxies");
    }

    @Test
    void nothingCloseEnoughIsNoSuggestion() {
        assertThat(DidYouMean.closest("colour", List.of("name", "build"), 2)).isEmpty();
    }
}
