package org.bootproxy.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * {@code %oneLineMsg} in the plain log pattern: the message with each run of CR and LF written as one space, so an
 * event is one line. What {@code %replace(%msg){'[\r\n]+', ' '}} wrote, without a regular expression run for every
 * line: a message without a line break (nearly all) is written as it is (logback.xml).
 */
public final class OneLineMessage extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return oneLine(event.getFormattedMessage());
    }

    static String oneLine(String message) {
        if (message == null) {
            return "null";
        }
        int first = firstBreak(message);
        if (first < 0) {
            return message;
        }
        StringBuilder out = new StringBuilder(message.length()).append(message, 0, first);
        boolean inBreak = false;
        for (int i = first; i < message.length(); i++) {
            char c = message.charAt(i);
            if (c == '\r' || c == '\n') {
                if (!inBreak) {
                    out.append(' ');
                    inBreak = true;
                }
            } else {
                out.append(c);
                inBreak = false;
            }
        }
        return out.toString();
    }

    private static int firstBreak(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                return i;
            }
        }
        return -1;
    }
}
