package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RFC 7440 rules, one per test, without sockets. Facts: RFC 7440 §4 (the sender sends windowsize
 * blocks and waits; on timeout the next window starts after the last ACK received; on a gap the receiver
 * ACKs the last block in order and the sender restarts from ACK + 1), RFC 1123 §4.2.3.1 (Sorcerer's
 * Apprentice), and the 65535 → 0 wrap every client in /work/shared/reference/netboot-protocols.md §1.3 uses.
 */
class SendWindowTest {

    static final long MS = 1_000_000L;
    static final long IDLE = 30_000 * MS;

    long now = 1_000 * MS;

    SendWindow window(long lastBlock, int windowsize) {
        return new SendWindow(lastBlock, windowsize, 3, IDLE, now);
    }

    /** Sends everything the window allows; returns the block numbers and whether each was a resend. */
    static List<Long> fill(SendWindow w, long at, List<Boolean> resent) {
        List<Long> sent = new ArrayList<>();
        for (long n = w.toSend(); n > 0; n = w.toSend()) {
            boolean again = w.sent(n, at);
            if (resent != null) {
                resent.add(again);
            }
            sent.add(n);
        }
        return sent;
    }

    static List<Long> fill(SendWindow w, long at) {
        return fill(w, at, null);
    }

    @Test
    void fillSendsWindowsizeBlocksThenWaits() {
        SendWindow w = window(10, 4);
        assertThat(fill(w, now)).containsExactly(1L, 2L, 3L, 4L);
        assertThat(w.toSend()).isZero();
        assertThat(w.finished()).isFalse();
    }

    @Test
    void windowsizeOneIsLockStep() {
        SendWindow w = window(3, 1);
        assertThat(fill(w, now)).containsExactly(1L);
        assertThat(w.ack(1, now + MS)).isEqualTo(SendWindow.Ack.SLID);
        assertThat(fill(w, now)).containsExactly(2L);
    }

    @Test
    void ackOfTheLastBlockOfAWindowSendsTheNextWindow() {
        SendWindow w = window(10, 4);
        fill(w, now);
        assertThat(w.ack(4, now + 5 * MS)).isEqualTo(SendWindow.Ack.SLID);
        assertThat(w.acknowledged()).isEqualTo(4);
        List<Boolean> resent = new ArrayList<>();
        assertThat(fill(w, now, resent)).containsExactly(5L, 6L, 7L, 8L);
        assertThat(resent).containsOnly(false);
    }

    @Test
    void ackOfAMiddleBlockSlidesToItAndSendsTheRestAgain() {
        SendWindow w = window(10, 4);
        fill(w, now);
        assertThat(w.ack(2, now + MS)).isEqualTo(SendWindow.Ack.GAP);
        assertThat(w.acknowledged()).isEqualTo(2);
        List<Boolean> resent = new ArrayList<>();
        // 3 and 4 were lost or reordered on their way: sent again, and the window fills up to 6
        assertThat(fill(w, now, resent)).containsExactly(3L, 4L, 5L, 6L);
        assertThat(resent).containsExactly(true, true, false, false);
    }

    @Test
    void timeoutRewindsToTheBlockAfterTheLastAck() {
        SendWindow w = window(10, 4);
        fill(w, now);
        w.ack(4, now + MS);
        fill(w, now + MS);
        assertThat(w.timeout(now + 500 * MS)).isEqualTo(SendWindow.Timeout.RESEND);
        List<Boolean> resent = new ArrayList<>();
        assertThat(fill(w, now + 500 * MS, resent)).containsExactly(5L, 6L, 7L, 8L);
        assertThat(resent).containsOnly(true);
    }

    @Test
    void duplicateAckResendsNothing() {
        SendWindow w = window(10, 4);
        fill(w, now);
        w.ack(4, now + MS);
        fill(w, now + MS);
        // the client's ACK 4 arrives twice (a retransmitted ACK, or one duplicated on the way)
        assertThat(w.ack(4, now + 2 * MS)).isEqualTo(SendWindow.Ack.DUPLICATE);
        assertThat(w.toSend()).as("nothing to send: no Sorcerer's Apprentice").isZero();
        assertThat(w.acknowledged()).isEqualTo(4);
        assertThat(w.ack(8, now + 3 * MS)).isEqualTo(SendWindow.Ack.SLID);
        assertThat(fill(w, now)).containsExactly(9L, 10L);
    }

    @Test
    void olderAckIsIgnored() {
        SendWindow w = window(10, 4);
        fill(w, now);
        w.ack(4, now + MS);
        fill(w, now + MS);
        assertThat(w.ack(2, now + 2 * MS)).isEqualTo(SendWindow.Ack.IGNORED);
        assertThat(w.toSend()).isZero();
        assertThat(w.acknowledged()).isEqualTo(4);
    }

    @Test
    void ackForABlockNotYetSentIsIgnored() {
        SendWindow w = window(10, 4);
        fill(w, now);
        assertThat(w.ack(7, now + MS)).isEqualTo(SendWindow.Ack.IGNORED);
        assertThat(w.acknowledged()).isZero();
        assertThat(w.toSend()).isZero();
        assertThat(w.ack(4, now + MS)).isEqualTo(SendWindow.Ack.SLID);
    }

    @Test
    void blockNumbersWrapFrom65535To0InTheMiddleOfAWindow() {
        SendWindow w = window(70_000, 6);
        while (w.acknowledged() < 65_530) {
            List<Long> sent = fill(w, now);
            w.ack(SendWindow.wire(sent.get(sent.size() - 1)), now + MS);
        }
        List<Long> sent = fill(w, now);
        assertThat(sent).containsExactly(65_533L, 65_534L, 65_535L, 65_536L, 65_537L, 65_538L);
        assertThat(sent.stream().map(SendWindow::wire).toList()).containsExactly(65_533, 65_534, 65_535, 0, 1, 2);
        // the receiver got the wire's 0 and 1 but not 2: it acknowledges 1, which is block 65537
        assertThat(w.ack(1, now + MS)).isEqualTo(SendWindow.Ack.GAP);
        assertThat(w.acknowledged()).isEqualTo(65_537);
        assertThat(fill(w, now)).startsWith(65_538L);
        // an ACK 0 now is old (block 65536), not block 131072
        assertThat(w.ack(0, now + 2 * MS)).isEqualTo(SendWindow.Ack.IGNORED);
        assertThat(w.ack(SendWindow.wire(65_543), now + 2 * MS)).isEqualTo(SendWindow.Ack.SLID);
        assertThat(w.acknowledged()).isEqualTo(65_543);
    }

    @Test
    void theLastBlockIsShortOrEmpty() {
        assertThat(SendWindow.lastBlock(1000, 512)).isEqualTo(2);   // 512 + 488
        assertThat(SendWindow.lastBlock(1024, 512)).isEqualTo(3);   // 512 + 512 + an empty block
        assertThat(SendWindow.lastBlock(0, 512)).isEqualTo(1);      // one empty block
    }

    @Test
    void aWindowNeverGoesPastTheLastBlockAndItsAckEndsTheTransfer() {
        SendWindow w = window(SendWindow.lastBlock(1024, 512), 8);
        assertThat(fill(w, now)).containsExactly(1L, 2L, 3L);
        assertThat(w.lastSent()).isTrue();
        assertThat(w.ack(2, now + MS)).isEqualTo(SendWindow.Ack.GAP);
        assertThat(w.finished()).isFalse();
        assertThat(fill(w, now)).containsExactly(3L);
        assertThat(w.ack(3, now + MS)).isEqualTo(SendWindow.Ack.SLID);
        assertThat(w.finished()).isTrue();
        assertThat(w.toSend()).isZero();
    }

    @Test
    void givesUpAfterMaxRetriesTimeoutsInARow() {
        SendWindow w = window(10, 4);
        fill(w, now);
        for (int i = 1; i <= 3; i++) {
            assertThat(w.timeout(now + i * MS)).isEqualTo(SendWindow.Timeout.RESEND);
            fill(w, now + i * MS);
        }
        assertThat(w.timeout(now + 4 * MS)).isEqualTo(SendWindow.Timeout.GIVE_UP);
    }

    @Test
    void progressResetsTheTimeoutCount() {
        SendWindow w = window(10, 4);
        fill(w, now);
        w.timeout(now + MS);
        w.timeout(now + 2 * MS);
        fill(w, now + 2 * MS);
        w.ack(4, now + 3 * MS);
        assertThat(w.timeouts()).isZero();
        fill(w, now + 3 * MS);
        for (int i = 0; i < 3; i++) {
            assertThat(w.timeout(now + 4 * MS)).isEqualTo(SendWindow.Timeout.RESEND);
        }
    }

    @Test
    void givesUpAfterTheIdleTimeWhateverTheRetries() {
        SendWindow w = window(10, 4);
        fill(w, now);
        assertThat(w.timeout(now + IDLE + MS)).isEqualTo(SendWindow.Timeout.GIVE_UP);
    }

    @Test
    void roundTripIsMeasuredOnlyForBlocksSentOnce() {
        SendWindow w = window(20, 4);
        fill(w, now);
        w.ack(4, now + 7 * MS);
        assertThat(w.roundTrip()).isEqualTo(7 * MS);
        fill(w, now + 10 * MS);
        w.timeout(now + 500 * MS);
        fill(w, now + 500 * MS);
        w.ack(8, now + 503 * MS);
        assertThat(w.roundTrip()).as("Karn: the ACK may answer either copy").isEqualTo(-1);
        fill(w, now + 510 * MS);
        w.ack(12, now + 512 * MS);
        assertThat(w.roundTrip()).isEqualTo(2 * MS);
    }

    @Test
    void afterAGapTheBlocksSentOnceAreMeasuredAgain() {
        SendWindow w = window(20, 4);
        fill(w, now);
        assertThat(w.ack(2, now + 3 * MS)).isEqualTo(SendWindow.Ack.GAP);
        assertThat(w.roundTrip()).as("block 2 went out once").isEqualTo(3 * MS);
        fill(w, now + 4 * MS); // 3 and 4 again, 5 and 6 for the first time
        w.ack(4, now + 6 * MS);
        assertThat(w.roundTrip()).as("Karn: 4 went out twice").isEqualTo(-1);
        fill(w, now + 7 * MS); // 5 and 6 again, 7 and 8 for the first time
        assertThat(w.ack(8, now + 9 * MS)).isEqualTo(SendWindow.Ack.SLID);
        assertThat(w.roundTrip()).as("8 went out once: gaps in the windows before do not stop measuring").isEqualTo(2 * MS);
    }

    @Test
    void theWaitForAnAckCountsFromTheLastSend() {
        SendWindow w = window(10, 4);
        fill(w, now + 3 * MS);
        assertThat(w.deadline(200 * MS)).isEqualTo(now + 203 * MS);
    }

    @Test
    void sendingABlockTheWindowDidNotOfferIsABug() {
        SendWindow w = window(10, 2);
        fill(w, now);
        assertThatThrownBy(() -> w.sent(3, now)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void ackMatchesABlockInTheWindow() {
        assertThat(SendWindow.unwrap(5, 4, 12)).isEqualTo(5);
        assertThat(SendWindow.unwrap(12, 4, 12)).isEqualTo(12);
        assertThat(SendWindow.unwrap(4, 4, 12)).isEqualTo(4);
        assertThat(SendWindow.unwrap(13, 4, 12)).isLessThan(4);
        assertThat(SendWindow.unwrap(3, 4, 12)).isLessThan(4);
    }

    @Test
    void ackAfterTheBlockNumberWrappedMapsToTheLongBlock() {
        // blocks 65534..65537 in flight: they go on the wire as 65534, 65535, 0, 1
        assertThat(SendWindow.unwrap(0, 65533, 65537)).isEqualTo(65536);
        assertThat(SendWindow.unwrap(1, 65533, 65537)).isEqualTo(65537);
        assertThat(SendWindow.unwrap(65535, 65533, 65537)).isEqualTo(65535);
        assertThat(SendWindow.unwrap(2, 65533, 65537)).isLessThan(65533);
        assertThat(SendWindow.unwrap(3, 131070, 131075)).isEqualTo(131075); // a second wrap
    }
}
