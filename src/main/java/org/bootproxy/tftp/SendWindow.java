package org.bootproxy.tftp;

/**
 * The sending side of one transfer as a state machine with no sockets and no clock: the transfer's loop
 * asks which block to send, says what it sent and when, and feeds in each ACK and each timeout with the
 * time it happened. Windows follow RFC 7440 (windowsize 1 is RFC 1350 lock-step):
 * <ul>
 *   <li><b>fill:</b> blocks {@code base … base+windowsize-1} (never past the last) are sent, then the sender waits;</li>
 *   <li><b>ACK n</b> acknowledges every block up to n and slides the window to n+1. When n is the newest
 *       block sent, the next window follows; when it is an older one, the receiver saw a gap and sending
 *       restarts at n+1 (RFC 7440 §4: "the sender SHOULD restart from ACK + 1");</li>
 *   <li><b>timeout:</b> the next window starts after the last ACK received (RFC 7440 §4);</li>
 *   <li><b>a duplicate ACK</b> (the last one, again), an older ACK, or an ACK of a block not sent yet
 *       changes nothing and sends nothing: answering duplicates with resends is the Sorcerer's Apprentice
 *       bug (RFC 1123 §4.2.3.1);</li>
 *   <li><b>block numbers</b> are 16 bits on the wire and wrap from 65535 to 0; here they are counted in
 *       64 bits from 1 (block 65536 goes out as 0);</li>
 *   <li><b>the last block</b> is shorter than blksize: zero-length when the size is a multiple of it.</li>
 * </ul>
 * It also keeps what the retransmission timer needs (round trips, with Karn's rule: no sample from the ACK
 * of a block sent more than once) and decides when to give up. Not thread-safe: one transfer thread owns it.
 */
final class SendWindow {

    /** What an ACK did. */
    enum Ack {
        /** the window slid: the next blocks follow */
        SLID,
        /** the window slid to a block before the newest sent (a gap): sending restarts after it */
        GAP,
        /** the last ACK again: nothing changes, nothing is resent */
        DUPLICATE,
        /** an older ACK or one of a block not sent yet: nothing changes */
        IGNORED
    }

    /** What a timeout leads to. */
    enum Timeout {
        /** send again from the block after the last ACK */
        RESEND,
        /** too many timeouts in a row, or no progress for too long */
        GIVE_UP
    }

    private final long last;
    private final int windowsize;
    private final int maxRetries;
    private final long idleNanos;
    /** when each block in flight was sent, by block number modulo windowsize */
    private final long[] sentAt;

    private long base = 1;      // oldest block not yet acknowledged
    private long next = 1;      // next block to send
    private long highest;       // newest block ever sent (to tell a retransmission)
    private long resentUpTo;    // newest block sent more than once: Karn, an ACK up to it cannot be timed
    private long lastSend;
    private long lastProgress;
    private int timeouts;
    private long sinceLastCopy = -1;
    private boolean sentOnce;

    /**
     * @param lastBlock  number of the last block ({@link #lastBlock})
     * @param windowsize blocks sent before waiting for an ACK (1..65535)
     * @param maxRetries timeouts in a row tolerated before giving up
     * @param idleNanos  longest time without progress before giving up
     * @param nowNanos   the start: the time progress is counted from
     */
    SendWindow(long lastBlock, int windowsize, int maxRetries, long idleNanos, long nowNanos) {
        if (lastBlock < 1 || windowsize < 1 || windowsize > 65535) {
            throw new IllegalArgumentException("last block " + lastBlock + ", windowsize " + windowsize);
        }
        this.last = lastBlock;
        this.windowsize = windowsize;
        this.maxRetries = maxRetries;
        this.idleNanos = idleNanos;
        this.sentAt = new long[windowsize];
        this.lastSend = nowNanos;
        this.lastProgress = nowNanos;
    }

    /** Number of the last block of a file of {@code size} bytes: always one short block at the end, maybe empty. */
    static long lastBlock(long size, int blksize) {
        return size / blksize + 1;
    }

    /** A block number as it goes on the wire. */
    static int wire(long block) {
        return (int) (block & 0xffff);
    }

    /**
     * The 64-bit block number a 16-bit ACK refers to, searched in {@code [low, high]} (at most 65536 apart);
     * {@code low - 1} when it matches none of them.
     */
    static long unwrap(int ack, long low, long high) {
        long n = low + ((ack - low) & 0xffff);
        return n <= high ? n : low - 1;
    }

    /** True once the last block is acknowledged. */
    boolean finished() {
        return base > last;
    }

    /** The block to send now, or 0 when the window is full or every block was sent. */
    long toSend() {
        return next < base + windowsize && next <= last ? next : 0;
    }

    /**
     * Block {@link #toSend()} went out at {@code nowNanos}.
     *
     * @return true when it had been sent before (a retransmission)
     */
    boolean sent(long block, long nowNanos) {
        if (block != next || toSend() == 0) {
            throw new IllegalStateException("sent block " + block + " but the window expects " + toSend());
        }
        sentAt[(int) (block % windowsize)] = nowNanos;
        lastSend = nowNanos;
        next++;
        if (block <= highest) {
            resentUpTo = block;
            return true;
        }
        highest = block;
        return false;
    }

    /** An ACK carrying {@code wireBlock} arrived at {@code nowNanos}. */
    Ack ack(int wireBlock, long nowNanos) {
        long acked = unwrap(wireBlock & 0xffff, base - 1, next - 1);
        if (acked < base) {
            return acked == base - 1 ? Ack.DUPLICATE : Ack.IGNORED;
        }
        // the block was sent once, so the ACK answers that copy; after a gap or a timeout the blocks sent again
        // cannot be timed, but the fresh ones behind them can, so measuring resumes with the next window
        sinceLastCopy = nowNanos - sentAt[(int) (acked % windowsize)];
        sentOnce = acked > resentUpTo;
        boolean gap = acked < next - 1;
        base = acked + 1;
        timeouts = 0;
        lastProgress = nowNanos;
        if (gap) {
            next = base;
        }
        return gap ? Ack.GAP : Ack.SLID;
    }

    /** Nothing came back within the retransmission interval; at {@code nowNanos}. */
    Timeout timeout(long nowNanos) {
        if (++timeouts > maxRetries || nowNanos - lastProgress > idleNanos) {
            return Timeout.GIVE_UP;
        }
        next = base;
        return Timeout.RESEND;
    }

    /** When the wait for an ACK ends, for a retransmission interval of {@code intervalNanos}. */
    long deadline(long intervalNanos) {
        return lastSend + intervalNanos;
    }

    /**
     * The round trip of the block the last {@link Ack#SLID} or {@link Ack#GAP} acknowledged, or -1 when it
     * cannot be measured (it was sent more than once: the ACK may answer either copy).
     */
    long roundTrip() {
        return sentOnce ? sinceLastCopy : -1;
    }

    /**
     * Time from the last copy of the block the last {@link Ack#SLID} or {@link Ack#GAP} acknowledged to that ACK:
     * the round trip, or a lower bound of it when the block went out more than once.
     */
    long sinceLastCopy() {
        return sinceLastCopy;
    }

    /** The newest block acknowledged (0 before any). */
    long acknowledged() {
        return base - 1;
    }

    /** The next block to send (where reading ahead pays off). */
    long next() {
        return next;
    }

    long last() {
        return last;
    }

    /** True once the last block has gone out at least once. */
    boolean lastSent() {
        return highest == last;
    }

    /** Timeouts in a row since the last progress. */
    int timeouts() {
        return timeouts;
    }
}
