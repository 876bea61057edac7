package org.bootproxy.render;

import java.io.IOException;
import java.io.Writer;

/**
 * Collects a render's output and stops it, by throwing {@link TooLarge}, once it would pass a number of
 * UTF-8 bytes. Not thread-safe: one render writes to it.
 */
final class LimitedOutput extends Writer {

    /** The output passed the limit; the render stops where it was. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("output larger than " + limit + " bytes");
        }
    }

    private final StringBuilder text = new StringBuilder();
    private final long limit;
    private long bytes;

    LimitedOutput(long limit) {
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        count(java.nio.CharBuffer.wrap(chars, off, len));
        text.append(chars, off, len);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        count(s.subSequence(off, off + len));
        text.append(s, off, off + len);
    }

    @Override
    public void write(int c) throws IOException {
        count(String.valueOf((char) c));
        text.append((char) c);
    }

    private void count(CharSequence chars) throws TooLarge {
        long n = bytes;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            // a surrogate pair is 4 bytes in UTF-8: 2 per half
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        if (n > limit) {
            throw new TooLarge(limit);
        }
        bytes = n;
    }

    @Override
    public void flush() {
        // nothing buffered beyond the text itself
    }

    @Override
    public void close() {
        // the text stays readable
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
