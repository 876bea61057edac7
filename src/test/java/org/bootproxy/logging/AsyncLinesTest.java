package org.bootproxy.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncLinesTest {

    /** Stands for a stderr nobody reads: writes block until released. */
    static final class StuckOutput extends AppenderBase<ILoggingEvent> {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            written.add(e.getFormattedMessage());
        }
    }

    private static AsyncLines started(LoggerContext context, StuckOutput out, int queueSize) {
        out.setContext(context);
        out.start();
        AsyncLines async = new AsyncLines();
        async.setContext(context);
        async.setQueueSize(queueSize);
        async.addAppender(out);
        async.start();
        return async;
    }

    private static ILoggingEvent line(LoggerContext context, String message) {
        return new LoggingEvent("test", context.getLogger("http"), Level.INFO, message, null, null);
    }

    @Test
    void aFullQueueDropsLinesWithoutWaitingAndCountsThem() throws Exception {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        StuckOutput out = new StuckOutput();
        AsyncLines async = started(context, out, 2);
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            async.doAppend(line(context, "line " + i));
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).as("the logging thread never waited")
                .isLessThan(5_000);
        // the writer holds the batch it took from the queue (two lines at most here), the queue two more: six are gone
        assertThat(async.dropped()).isBetween(6L, 8L);

        out.release.countDown();
        async.stop();
        List<String> lines = out.written.stream().filter(l -> l.startsWith("line ")).toList();
        assertThat(lines.size() + async.dropped()).as("every line was written or counted as dropped").isEqualTo(10);
        assertThat(out.written).anyMatch(l -> l.equals(async.dropped() + " log lines were dropped: they came faster than"
                + " the log could be written (queue of 2 lines full); bootproxy_log_lines_dropped_total counts them"));
    }

    @Test
    void stoppingWritesWhatIsStillQueued() {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        StuckOutput out = new StuckOutput();
        out.release.countDown();
        AsyncLines async = started(context, out, 1000);
        for (int i = 0; i < 500; i++) {
            async.doAppend(line(context, "line " + i));
        }
        async.stop();
        assertThat(out.written).hasSize(500);
        assertThat(async.dropped()).isZero();
    }

    @Test
    void theMessageAndMdcAreTakenWhenTheLineIsLogged() throws Exception {
        LoggerContext context = (LoggerContext) org.slf4j.LoggerFactory.getILoggerFactory();
        StuckOutput out = new StuckOutput();
        AsyncLines async = started(context, out, 10);
        org.slf4j.MDC.put("mac", "52:54:00:aa:00:01");
        try {
            LoggingEvent e = new LoggingEvent("test", context.getLogger("http"), Level.INFO, "GET {}", null,
                    new Object[] {"/unattended/iPXE"});
            async.doAppend(e);
            org.slf4j.MDC.remove("mac");
            assertThat(e.getMDCPropertyMap()).containsEntry("mac", "52:54:00:aa:00:01");
        } finally {
            org.slf4j.MDC.clear();
        }
        out.release.countDown();
        async.stop();
        assertThat(out.written).containsExactly("GET /unattended/iPXE");
    }

    /** A stderr that counts the writes it is given. */
    static final class CountingErr extends java.io.OutputStream {
        final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        final java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public synchronized void write(int b) {
            writes.incrementAndGet();
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.incrementAndGet();
            bytes.write(b, off, len);
        }

        synchronized String text() {
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void linesReachTheConsoleWholeInBatchesNotOneWriteEachAndSoon() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        java.io.PrintStream before = System.err;
        CountingErr err = new CountingErr();
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            ConsoleLines console = new ConsoleLines();
            console.setContext(context);
            console.setTarget("System.err");
            console.setImmediateFlush(false);
            ch.qos.logback.classic.encoder.PatternLayoutEncoder encoder = new ch.qos.logback.classic.encoder.PatternLayoutEncoder();
            encoder.setContext(context);
            encoder.setPattern("%msg%n");
            encoder.start();
            console.setEncoder(encoder);
            console.start();
            AsyncLines async = new AsyncLines();
            async.setContext(context);
            async.addAppender(console);
            async.start();

            async.doAppend(line(context, "alone"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!err.text().contains("alone\n") && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(err.text()).as("a single line goes out without more lines to push it").isEqualTo("alone\n");

            int writesBefore = err.writes.get();
            String longLine = "x".repeat(ConsoleLines.BUFFER + 100);
            for (int i = 0; i < 2000; i++) {
                async.doAppend(line(context, i == 1000 ? longLine : "line " + i));
            }
            async.stop();
            String[] lines = err.text().split("\n");
            assertThat(lines).hasSize(2001);
            for (int i = 0; i < 2000; i++) {
                assertThat(lines[i + 1]).isEqualTo(i == 1000 ? longLine : "line " + i);
            }
            assertThat(err.writes.get() - writesBefore).as("writes for 2000 lines").isLessThan(200);
        } finally {
            System.setErr(before);
            context.stop();
        }
    }
}
