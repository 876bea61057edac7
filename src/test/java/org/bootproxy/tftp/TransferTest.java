package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransferTest {

    @Test
    void retransmissionIntervalOutgrowsTheClientsOwnTimeout() {
        assertThat(Transfer.capNanos(0)).isEqualTo(6_000_000_000L);
        assertThat(Transfer.capNanos(6)).isEqualTo(7_000_000_000L); // curl sends timeout 6
        assertThat(Transfer.capNanos(1)).isEqualTo(6_000_000_000L);
    }
}
