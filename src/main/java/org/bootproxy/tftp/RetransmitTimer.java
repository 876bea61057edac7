package org.bootproxy.tftp;

/**
 * When to retransmit: RFC 6298's estimator (smoothed round trip plus four deviations) with Karn's rule
 * left to the caller (only sample what was sent once). Until the first sample the configured initial
 * timeout applies; each timeout doubles the interval up to the cap. Fixed one-second timers are why
 * in.tftpd crawls under loss; on a LAN this one settles at {@link #MIN_NANOS}.
 */
final class RetransmitTimer {

    static final long MIN_NANOS = 20_000_000L;

    private final long capNanos;
    private final long initialNanos;
    private long srtt = -1;
    private long rttvar;
    private long current;

    /**
     * @param initialNanos interval before any round trip was measured
     * @param capNanos     the longest interval (the client's {@code timeout} option, or a default)
     */
    RetransmitTimer(long initialNanos, long capNanos) {
        this.capNanos = Math.max(capNanos, MIN_NANOS);
        this.initialNanos = clamp(initialNanos);
        this.current = this.initialNanos;
    }

    long currentNanos() {
        return current;
    }

    void sample(long rttNanos) {
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

    /** The last interval passed without an answer. */
    void backoff() {
        current = clamp(current * 2);
    }

    /**
     * Progress after timeouts: back to what the measurements say, or to the initial interval when nothing
     * could be measured yet (every packet so far was retransmitted), so that a few early losses in a row
     * do not leave the next one waiting seconds.
     */
    void settle() {
        current = srtt >= 0 ? clamp(srtt + 4 * rttvar) : initialNanos;
    }

    private long clamp(long nanos) {
        return Math.min(Math.max(nanos, MIN_NANOS), capNanos);
    }
}
