package org.bootproxy.tftp;

import java.io.IOException;

/**
 * The DATA packets of one transfer, built in place: header and payload in one buffer, sent as is. The
 * block after the ones just sent is read while the client is busy acknowledging them, as in.tftpd does,
 * so in lock-step the file read is off the round trip.
 */
final class BlockReader {

    private final Content content;
    private final int blksize;
    private final long size;
    private final long last;
    private byte[] current;
    private byte[] ahead;
    private long aheadBlock = -1;
    private int aheadLength;

    BlockReader(Content content, int blksize) {
        this.content = content;
        this.blksize = blksize;
        this.size = content.size();
        this.last = SendWindow.lastBlock(size, blksize);
        this.current = new byte[Packets.HEADER + blksize];
        this.ahead = new byte[Packets.HEADER + blksize];
    }

    /** Number of the last block. */
    long last() {
        return last;
    }

    long size() {
        return size;
    }

    /** Puts DATA block {@code n} (1-based, wrapped on the wire) in {@link #packet()}; returns its length. */
    int load(long n) throws IOException {
        int length;
        if (aheadBlock == n) {
            byte[] t = current;
            current = ahead;
            ahead = t;
            aheadBlock = -1;
            length = aheadLength;
        } else {
            length = read(n, current);
        }
        Packets.dataHeader(current, n);
        return length;
    }

    /** The packet {@link #load} built; valid until the next call to it. */
    byte[] packet() {
        return current;
    }

    /** Reads block {@code n} now if it exists, so that {@link #load} of it costs nothing. */
    void prefetch(long n) throws IOException {
        if (n <= last && aheadBlock != n) {
            aheadLength = read(n, ahead);
            aheadBlock = n;
        }
    }

    private int read(long n, byte[] into) throws IOException {
        long pos = (n - 1) * blksize;
        return Packets.HEADER + content.read(pos, into, Packets.HEADER, (int) Math.min(blksize, Math.max(0, size - pos)));
    }
}
