package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferTest {

    @Test
    void ackMatchesABlockInTheWindow() {
        assertThat(Transfer.unwrap(5, 4, 12)).isEqualTo(5);
        assertThat(Transfer.unwrap(12, 4, 12)).isEqualTo(12);
        assertThat(Transfer.unwrap(4, 4, 12)).isEqualTo(4);
    }

    @Test
    void ackOutsideTheWindowMatchesNothing() {
        assertThat(Transfer.unwrap(13, 4, 12)).isLessThan(4);
        assertThat(Transfer.unwrap(3, 4, 12)).isLessThan(4);
    }

    @Test
    void ackAfterTheBlockNumberWrappedMapsToTheLongBlock() {
        // blocks 65534..65537 in flight: they go on the wire as 65534, 65535, 0, 1
        assertThat(Transfer.unwrap(0, 65533, 65537)).isEqualTo(65536);
        assertThat(Transfer.unwrap(1, 65533, 65537)).isEqualTo(65537);
        assertThat(Transfer.unwrap(65535, 65533, 65537)).isEqualTo(65535);
        assertThat(Transfer.unwrap(2, 65533, 65537)).isLessThan(65533);
        // a second wrap
        assertThat(Transfer.unwrap(3, 131070, 131075)).isEqualTo(131075);
    }

    @Test
    void retransmissionIntervalOutgrowsTheClientsOwnTimeout() {
        assertThat(Transfer.capNanos(0)).isEqualTo(6_000_000_000L);
        assertThat(Transfer.capNanos(6)).isEqualTo(7_000_000_000L); // curl sends timeout 6
        assertThat(Transfer.capNanos(1)).isEqualTo(6_000_000_000L);
    }
}
