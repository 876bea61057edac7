package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetransmitTimerTest {

    private static final long MS = 1_000_000L;

    @Test
    void startsAtTheInitialTimeout() {
        assertThat(new RetransmitTimer(500 * MS, 4000 * MS).currentNanos()).isEqualTo(500 * MS);
    }

    @Test
    void followsTheMeasuredRoundTripButNeverBelowTheFloor() {
        var t = new RetransmitTimer(500 * MS, 4000 * MS);
        t.acknowledged(100 * MS, true);
        assertThat(t.currentNanos()).isEqualTo(300 * MS); // srtt + 4 * rttvar = 100 + 4 * 50
        var lan = new RetransmitTimer(500 * MS, 4000 * MS);
        lan.acknowledged(MS / 10, true);
        assertThat(lan.currentNanos()).isEqualTo(RetransmitTimer.MIN_NANOS);
    }

    @Test
    void backsOffByDoublingUpToTheCap() {
        var t = new RetransmitTimer(500 * MS, 1500 * MS);
        t.acknowledged(100 * MS, true);
        t.backoff();
        assertThat(t.currentNanos()).isEqualTo(600 * MS);
        t.backoff();
        t.backoff();
        assertThat(t.currentNanos()).isEqualTo(1500 * MS);
    }

    @Test
    void anAckThatCannotBeTimedLeavesTheBackedOffIntervalUntilOneCan() {
        var t = new RetransmitTimer(500 * MS, 6000 * MS);
        t.acknowledged(10 * MS, true);
        t.backoff();
        assertThat(t.currentNanos()).isEqualTo(60 * MS);
        t.acknowledged(45 * MS, false); // 45 ms after the copy, 105 after the first: it may answer either
        assertThat(t.currentNanos()).as("Karn: still backed off").isEqualTo(60 * MS);
        t.acknowledged(45 * MS, true); // the next block, sent once, measured
        // srtt (7 × 10 + 45) / 8 = 14.375 ms, rttvar (3 × 5 + |10 - 45|) / 4 = 12.5 ms: 14.375 + 4 × 12.5
        assertThat(t.currentNanos()).isEqualTo(64_375_000L);
    }

    /**
     * RFC 1350's caution: a slow but alive client must not be answered with a storm of copies. This one answered
     * quickly for 5 blocks (the interval settles at the 20 ms floor), then takes {@code factor} times that interval for
     * every block, and acknowledges every copy it gets, duplicates included. Transfer's loop is played on a simulated
     * clock with the real {@link SendWindow} and {@link RetransmitTimer}, so no busy machine can change the count.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1.2, 1.5, 2, 3})
    void aClientSlowerThanTheIntervalIsNotSentEveryBlockTwice(double factor) {
        long slow = (long) (factor * RetransmitTimer.MIN_NANOS);
        Simulated run = Simulated.lockStep(105, 500 * MS, (block, copy) -> block <= 5 ? MS : slow);
        // each copy beyond the first is a timeout; when an ACK of a resent block brought the old interval back, the
        // 100 slow blocks got 100 (Karn: it may answer the first copy, so only the next block's ACK can tell)
        assertThat(run.retransmissions).as("one late block costs a copy or two, then the interval follows the client")
                .isLessThanOrEqualTo(3);
        assertThat(run.timer.currentNanos()).isGreaterThan(slow);
    }

    @Test
    void aResentBlockAnsweredWithinARoundTripBringsTheMeasuredIntervalBack() {
        var t = new RetransmitTimer(500 * MS, 6000 * MS);
        t.acknowledged(10 * MS, true);
        t.backoff();
        t.backoff();
        t.acknowledged(9 * MS, false); // 9 ms after the copy: that copy was answered, the first one was lost
        assertThat(t.currentNanos()).isEqualTo(30 * MS);
    }

    @Test
    void aLossEarlyOnDoesNotLeaveTheIntervalBackedOff() {
        // DATA 1 lost twice before any round trip was measured: 500 ms, then 1 s; then a LAN answering in 1 ms
        Simulated run = Simulated.lockStep(50, 500 * MS, (block, copy) -> block == 1 && copy < 3 ? -1 : MS);
        assertThat(run.retransmissions).isEqualTo(2);
        assertThat(run.timer.currentNanos()).as("measured from block 2 on").isEqualTo(RetransmitTimer.MIN_NANOS);
        assertThat(run.now - run.start).as("1.5 s waiting for block 1, then 1 ms a block").isLessThan(1600 * MS);
    }

    /** How long after a copy of a block is sent its ACK reaches the server, or -1 when copy or ACK is lost. */
    interface Client {
        long ackAfter(long block, int copy);
    }

    /** Transfer.sendBlocks in lock-step on a simulated clock: send, wait for an ACK or the interval, repeat. */
    static final class Simulated {
        final long start = 1_000_000 * MS;
        long now = start;
        int retransmissions;
        RetransmitTimer timer;

        static Simulated lockStep(long blocks, long initialNanos, Client client) {
            Simulated s = new Simulated();
            s.run(blocks, initialNanos, client);
            return s;
        }

        private void run(long blocks, long initialNanos, Client client) {
            SendWindow w = new SendWindow(blocks, 1, 10, 30_000 * MS, now);
            timer = new RetransmitTimer(initialNanos, Transfer.capNanos(0));
            java.util.TreeMap<Long, Long> acks = new java.util.TreeMap<>(); // arrival time → block
            java.util.Map<Long, Integer> copies = new java.util.HashMap<>();
            while (!w.finished()) {
                for (long n = w.toSend(); n > 0; n = w.toSend()) {
                    int copy = copies.merge(n, 1, Integer::sum);
                    if (w.sent(n, now)) {
                        retransmissions++;
                    }
                    long after = client.ackAfter(n, copy);
                    if (after >= 0) {
                        acks.put(now + after, n);
                    }
                }
                long deadline = w.deadline(timer.currentNanos());
                var ack = acks.pollFirstEntry();
                if (ack == null || ack.getKey() > deadline) {
                    if (ack != null) {
                        acks.put(ack.getKey(), ack.getValue());
                    }
                    now = deadline;
                    assertThat(w.timeout(now)).isEqualTo(SendWindow.Timeout.RESEND);
                    timer.backoff();
                    continue;
                }
                now = ack.getKey();
                SendWindow.Ack result = w.ack(SendWindow.wire(ack.getValue()), now);
                if (result == SendWindow.Ack.SLID || result == SendWindow.Ack.GAP) {
                    timer.acknowledged(w.sinceLastCopy(), w.roundTrip() >= 0);
                }
            }
        }
    }
}
