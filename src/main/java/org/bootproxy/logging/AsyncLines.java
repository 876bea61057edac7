package org.bootproxy.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes log lines on a thread of its own, so a request never waits for stderr (a slow journald, a terminal,
 * a pipe that is full). The thread that logs only formats the message and puts the line in a bounded queue
 * ({@code queueSize} lines); the writer thread hands the lines to the appenders attached (the console).
 *
 * <p><b>When the queue is full</b>, a line is dropped, never waited for, whatever its level: the request goes on.
 * Dropped lines are counted ({@link #dropped()}, exported as {@code bootproxy_log_lines_dropped_total}), and once
 * the writer catches up it writes one warning with how many were lost since the last such warning. On stop, the
 * lines still queued are written for up to {@code maxFlushTime} milliseconds.
 *
 * <p>Lines are written in batches: the writer takes what is queued (up to 512 lines), writes it, flushes the
 * appenders that gather lines ({@link ConsoleLines}: one {@code write} a batch), then lets lines gather for 2 ms
 * before it looks again, so under load neither a request nor the writer is woken for every line. A line is written
 * at most a few milliseconds after it was logged. So at most {@code queueSize} lines wait, plus the batch being
 * written.
 *
 * <p>Logback's own {@code AsyncAppender} with {@code neverBlock} drops silently (its queue's answer is ignored),
 * and by default throws away INFO lines once the queue is 80 % full: hence this one.
 */
public final class AsyncLines extends UnsynchronizedAppenderBase<ILoggingEvent> implements AppenderAttachable<ILoggingEvent> {

    public static final int DEFAULT_QUEUE_SIZE = 8192;
    /** Lines written per batch, at most, before the appenders are flushed. */
    private static final int BATCH = 512;
    /** How long the writer lets lines gather after a batch: a line waits at most this long for its write. */
    private static final long GATHER_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final LongAdder dropped = new LongAdder();
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private int maxFlushTime = 1000;
    private BlockingQueue<ILoggingEvent> queue;
    private Thread writer;
    private volatile boolean stopping;

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setMaxFlushTime(int millis) {
        this.maxFlushTime = millis;
    }

    /** Lines dropped since start because the queue was full. */
    public long dropped() {
        return dropped.sum();
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (queueSize < 1) {
            addError("queueSize must be at least 1, not " + queueSize);
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        stopping = false;
        writer = new Thread(this::write, "log-writer");
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // the message, MDC and thread name are taken now, on the logging thread: they change once it goes on
        event.prepareForDeferredProcessing();
        if (!queue.offer(event)) {
            dropped.increment();
        }
    }

    private void write() {
        List<ILoggingEvent> batch = new ArrayList<>(BATCH);
        long reported = 0;
        while (!stopping || !queue.isEmpty()) {
            ILoggingEvent first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                break;
            }
            if (first != null) {
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
            }
            long lost = dropped.sum();
            if (lost > reported && queue.isEmpty()) {
                appenders.appendLoopOnAppenders(droppedWarning(lost - reported));
                reported = lost;
            }
            for (int i = 0; i < batch.size(); i++) {
                appenders.appendLoopOnAppenders(batch.get(i));
            }
            batch.clear();
            flushAll();
            if (first != null && !stopping) {
                // let lines gather rather than be woken for each one: a request's offer then finds no one waiting
                // (no wake-up call) and the next batch goes out in one write
                LockSupport.parkNanos(GATHER_NANOS);
            }
        }
        flushAll();
    }

    /** Writes out what the appenders hold ({@link ConsoleLines} gathers a batch in a buffer). */
    private void flushAll() {
        for (Iterator<Appender<ILoggingEvent>> it = appenders.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof Flushable f) {
                try {
                    f.flush();
                } catch (IOException e) {
                    addError("could not flush log lines", e);
                }
            }
        }
    }

    private ILoggingEvent droppedWarning(long lost) {
        LoggerContext lc = (LoggerContext) getContext();
        LoggingEvent w = new LoggingEvent(AsyncLines.class.getName(), lc.getLogger(AsyncLines.class), Level.WARN,
                "{} log lines were dropped: they came faster than the log could be written (queue of {} lines full);"
                        + " bootproxy_log_lines_dropped_total counts them", null, new Object[] {lost, queueSize});
        w.prepareForDeferredProcessing();
        return w;
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        stopping = true;
        try {
            writer.join(maxFlushTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addWarn("log writer still busy after " + maxFlushTime + " ms; " + queue.size() + " lines not written");
            writer.interrupt();
        }
        appenders.detachAndStopAllAppenders();
    }

    // ------------------------------------------------------------------ the appenders it writes to

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return appenders.detachAppender(name);
    }
}
