package org.bootproxy.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The bytes one transfer sends, read block by block at any position (a window may be sent again).
 * A file is read with positional reads, so a transfer keeps no more than one block in memory.
 */
interface Content extends Closeable {

    long size();

    /** Reads up to {@code len} bytes at {@code position} into {@code dst}; returns how many (short only at the end). */
    int read(long position, byte[] dst, int off, int len) throws IOException;

    @Override
    void close() throws IOException;

    static Content of(byte[] bytes) {
        return new Bytes(bytes);
    }

    static Content open(Path file) throws IOException {
        return new File(FileChannel.open(file, StandardOpenOption.READ));
    }

    /** Rendered text, or a netascii-converted file. */
    final class Bytes implements Content {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public int read(long position, byte[] dst, int off, int len) {
            if (position >= bytes.length) {
                return 0;
            }
            int n = (int) Math.min(len, bytes.length - position);
            System.arraycopy(bytes, (int) position, dst, off, n);
            return n;
        }

        @Override
        public void close() {
        }
    }

    /** A file in the static root; its size is fixed when the transfer starts (tsize must stay true). */
    final class File implements Content {
        private final FileChannel channel;
        private final long size;

        File(FileChannel channel) throws IOException {
            this.channel = channel;
            this.size = channel.size();
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public int read(long position, byte[] dst, int off, int len) throws IOException {
            int want = (int) Math.max(0, Math.min(len, size - position));
            ByteBuffer buf = ByteBuffer.wrap(dst, off, want);
            long pos = position;
            while (buf.hasRemaining()) {
                int n = channel.read(buf, pos);
                if (n < 0) {
                    throw new IOException("file shrank while it was being sent");
                }
                pos += n;
            }
            return want;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
