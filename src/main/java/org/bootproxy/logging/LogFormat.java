package org.bootproxy.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/** How log lines look: {@code plain} (logback.xml's pattern, the default) or {@code json} ({@link JsonLineLayout}). */
public enum LogFormat {
    PLAIN, JSON;

    /** Parses {@code plain} or {@code json}, in any case. */
    public static LogFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("log format '" + text + "' is not known; use plain or json");
        }
    }

    /**
     * Switches every console/stream appender of the root logger to this format, also one behind an asynchronous
     * appender (the tests' configuration has one). Plain leaves logback's configuration as it is.
     */
    public void apply() {
        if (this == PLAIN) {
            return;
        }
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return; // another SLF4J binding: it keeps its own format
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        switchAll(root.iteratorForAppenders(), context);
    }

    /** Every stream appender among {@code appenders}, also those an asynchronous appender passes events to. */
    private static void switchAll(Iterator<Appender<ILoggingEvent>> appenders, LoggerContext context) {
        for (Iterator<Appender<ILoggingEvent>> it = appenders; it.hasNext(); ) {
            Appender<ILoggingEvent> appender = it.next();
            if (appender instanceof AppenderAttachable<?> wrapper) {
                @SuppressWarnings("unchecked")
                Iterator<Appender<ILoggingEvent>> inner = ((AppenderAttachable<ILoggingEvent>) wrapper).iteratorForAppenders();
                switchAll(inner, context);
            } else if (appender instanceof OutputStreamAppender<ILoggingEvent> out) {
                JsonLineLayout layout = new JsonLineLayout();
                layout.setContext(context);
                layout.start();
                LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
                encoder.setContext(context);
                encoder.setLayout(layout);
                encoder.start();
                out.stop();
                out.setEncoder(encoder);
                out.start();
            }
        }
    }
}
