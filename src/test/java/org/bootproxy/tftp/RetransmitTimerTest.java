package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetransmitTimerTest {

    private static final long MS = 1_000_000L;

    @Test
    void startsAtTheInitialTimeout() {
        assertThat(new RetransmitTimer(500 * MS, 4000 * MS).currentNanos()).isEqualTo(500 * MS);
    }

    @Test
    void followsTheMeasuredRoundTripButNeverBelowTheFloor() {
        var t = new RetransmitTimer(500 * MS, 4000 * MS);
        t.sample(100 * MS);
        assertThat(t.currentNanos()).isEqualTo(300 * MS); // srtt + 4 * rttvar = 100 + 4 * 50
        var lan = new RetransmitTimer(500 * MS, 4000 * MS);
        lan.sample(MS / 10);
        assertThat(lan.currentNanos()).isEqualTo(RetransmitTimer.MIN_NANOS);
    }

    @Test
    void backsOffByDoublingUpToTheCapThenSettlesBack() {
        var t = new RetransmitTimer(500 * MS, 1500 * MS);
        t.sample(100 * MS);
        t.backoff();
        assertThat(t.currentNanos()).isEqualTo(600 * MS);
        t.backoff();
        t.backoff();
        assertThat(t.currentNanos()).isEqualTo(1500 * MS);
        t.settle();
        assertThat(t.currentNanos()).isEqualTo(300 * MS);
    }

    @Test
    void progressBeforeAnyMeasurementGoesBackToTheInitialTimeout() {
        var t = new RetransmitTimer(500 * MS, 6000 * MS);
        t.backoff();
        t.backoff();
        assertThat(t.currentNanos()).isEqualTo(2000 * MS);
        t.settle();
        assertThat(t.currentNanos()).isEqualTo(500 * MS);
    }
}
