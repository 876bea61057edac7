package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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
        String upper = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";
        assertThatThrownBy(() -> new Sha256(upper)).hasMessageContaining("64 lower-case hex digits");
        String g = "g" + "0".repeat(63);
        assertThatThrownBy(() -> new Sha256(g)).hasMessageContaining("64 lower-case hex digits");
        assertThatThrownBy(() -> new Sha256("0".repeat(65))).hasMessageContaining("64 lower-case hex digits");
        assertThat(new Sha256("0123456789abcdef".repeat(4)).hex()).isEqualTo("0123456789abcdef".repeat(4));
    }

    @Test
    void digestsTakenAtOnceOnManyThreadsAreEachTheirBytesOwn() throws Exception {
        // the host files are read in parallel: no thread's bytes may leak into another's digest
        List<byte[]> inputs = IntStream.range(0, 2_000)
                .mapToObj(i -> ("host-" + i + "\n").repeat(1 + i % 50).getBytes(StandardCharsets.UTF_8)).toList();
        List<Sha256> alone = inputs.stream().map(Sha256::of).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Sha256>> together = inputs.stream().map(b -> pool.submit(() -> Sha256.of(b))).toList();
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(together.get(i).get()).as("input %d", i).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Sha256.of(new byte[0]).hex())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }
}
