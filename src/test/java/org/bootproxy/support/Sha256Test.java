package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Sha256Test {

    @Test
    void digestOfBytesIsTheStandardOne() {
        // FIPS 180-2 test vector
        assertThat(Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)).hex())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void partsAreFramedSoTheirBoundariesCount() {
        assertThat(Sha256.ofParts("ab", "c")).isNotEqualTo(Sha256.ofParts("a", "bc"));
        assertThat(Sha256.ofParts("a", null)).isEqualTo(Sha256.ofParts("a", ""));
        assertThat(Sha256.ofParts("abc")).isEqualTo(Sha256.of("abc\0".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void prefixIsTheFirstBytesInHex() {
        Sha256 d = Sha256.of(new byte[0]);
        assertThat(d.prefix(4)).isEqualTo("e3b0c442");
        assertThatThrownBy(() -> d.prefix(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAWellFormedDigestIsOne() {
        assertThatThrownBy(() -> new Sha256("ABC")).hasMessageContaining("64 lower-case hex digits");
    }
}
