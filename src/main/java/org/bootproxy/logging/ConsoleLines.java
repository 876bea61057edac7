package org.bootproxy.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The console (stderr) as {@link AsyncLines} writes to it: lines gather in a 64 KiB buffer and go out with one
 * {@code write} when the log writer has written what was queued ({@link #flush}), instead of one {@code write} a line
 * (stderr's own stream flushes every write: a system call per request under load). A line is never split: the buffer
 * takes whole lines, and one longer than it is written in one piece. Its target is logback's, so {@code System.err}
 * (or {@code System.out}) as it is when a batch goes out. Closing it flushes and leaves the target open.
 *
 * <p>Set {@code immediateFlush} to false only behind {@link AsyncLines} (logback.xml does): nothing else flushes it.
 */
public final class ConsoleLines extends ConsoleAppender<ILoggingEvent> implements Flushable {
    static final int BUFFER = 64 * 1024;

    @Override
    protected OutputStream wrapTarget(OutputStream target) {
        return new BufferedOutputStream(new FilterOutputStream(target) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream's own writes byte by byte
            }

            @Override
            public void close() throws IOException {
                flush(); // the target stays open: it is the process's stderr
            }
        }, BUFFER);
    }

    /** Writes the lines gathered so far; an error is reported to logback's status, as a failed line is. */
    @Override
    public void flush() {
        OutputStream out = getOutputStream();
        if (out == null) {
            return;
        }
        streamWriteLock.lock();
        try {
            out.flush();
        } catch (IOException e) {
            addError("could not write log lines to the console", e);
        } finally {
            streamWriteLock.unlock();
        }
    }
}
