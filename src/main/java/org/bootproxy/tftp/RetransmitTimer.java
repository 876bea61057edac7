package org.bootproxy.tftp;

/**
 * When to retransmit: RFC 6298's estimator (smoothed round trip plus four deviations) with Karn's algorithm.
 * Until the first sample the configured initial timeout applies; each timeout doubles the interval up to the
 * cap, and the doubled interval stays until a round trip is measured again. Which ACKs can be measured (those of
 * blocks sent once) is the caller's to say ({@link SendWindow#roundTrip()}): an ACK of a resent block may answer the
 * first copy, and going back to the old interval on it is what had a client that answers just slower than the
 * interval get every block twice for the rest of the transfer. Fixed one-second timers are why in.tftpd crawls
 * under loss; on a LAN this one settles at {@link #MIN_NANOS}.
 */
final class RetransmitTimer {

    static final long MIN_NANOS = 20_000_000L;

    private final long capNanos;
    private long srtt = -1;
    private long rttvar;
    private long current;

    /**
     * @param initialNanos interval before any round trip was measured
     * @param capNanos     the longest interval (the client's {@code timeout} option, or a default)
     */
    RetransmitTimer(long initialNanos, long capNanos) {
        this.capNanos = Math.max(capNanos, MIN_NANOS);
        this.current = clamp(initialNanos);
    }

    long currentNanos() {
        return current;
    }

    /**
     * An ACK moved the transfer on.
     *
     * @param sinceLastCopyNanos time from the last copy of the acknowledged block to the ACK: its round trip when
     *                           the block was sent once, else a lower bound of it (the ACK may answer an earlier copy)
     * @param sentOnce           the block was sent once, so the ACK can be timed
     */
    void acknowledged(long sinceLastCopyNanos, boolean sentOnce) {
        if (sentOnce) {
            sample(sinceLastCopyNanos);
        } else if (srtt >= 0 && sinceLastCopyNanos <= srtt + 4 * rttvar) {
            // back within a round trip of the last copy: that copy was answered, the loss was real and the
            // measurements still hold. Later, or before anything was measured: the client may be slower than the
            // interval (Karn), so the backed-off interval stays until a block sent once is measured
            current = clamp(srtt + 4 * rttvar);
        }
    }

    /** The round trip of a block sent once: the interval follows the measurements again. */
    private void sample(long rttNanos) {
        long r = Math.max(rttNanos, 0);
        if (srtt < 0) {
            srtt = r;
            rttvar = r / 2;
        } else {
            rttvar = (3 * rttvar + Math.abs(srtt - r)) / 4;
            srtt = (7 * srtt + r) / 8;
        }
        current = clamp(srtt + 4 * rttvar);
    }

    /**
     * The last interval passed without an answer: twice as long from now on, until a round trip is measured again
     * (an ACK that cannot be timed changes nothing).
     */
    void backoff() {
        current = clamp(current * 2);
    }

    private long clamp(long nanos) {
        return Math.min(Math.max(nanos, MIN_NANOS), capNanos);
    }
}
