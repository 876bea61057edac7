package org.bootproxy.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import java.util.Iterator;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The log as a whole: lines dropped by {@link AsyncLines}, and writing what is still queued before the JVM exits. */
public final class LogOutput {

    private LogOutput() {
    }

    /** Lines dropped because the log could not keep up (0 without {@link AsyncLines}). */
    public static long droppedLines() {
        long dropped = 0;
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            Iterator<Appender<ILoggingEvent>> it = context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders();
            while (it.hasNext()) {
                if (it.next() instanceof AsyncLines async) {
                    dropped += async.dropped();
                }
            }
        }
        return dropped;
    }

    /** Writes the lines still queued and stops logging: call it last, just before the process exits. */
    public static void flush() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (factory instanceof LoggerContext context) {
            context.stop();
        }
    }
}
