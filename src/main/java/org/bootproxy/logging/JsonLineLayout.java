package org.bootproxy.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * One JSON object a line, for journald, ELK and anything else that reads structured logs:
 *
 * <pre>
 * {"time":"2025-01-31T12:00:00.123Z","level":"INFO","logger":"http","message":"GET /unattended/iPXE?… 200 …",
 *  "mac":"52:54:00:00:01:01","client":"192.0.2.50","stage":"ipxe","host":"web01.example.com"}
 * </pre>
 *
 * {@code mac}, {@code client}, {@code stage} and {@code host} come from the MDC and are left out when not set;
 * a stack trace goes into {@code exception} as one string. Written by hand (not logback's JsonEncoder, whose
 * field names and nesting differ: epoch {@code timestamp}, {@code mdc:{…}}, sequence numbers) so the names are ours
 * and stay stable.
 */
public final class JsonLineLayout extends LayoutBase<ILoggingEvent> {

    /** The MDC keys copied to the top level, in this order. */
    public static final List<String> MDC_KEYS = List.of("mac", "client", "stage", "host");

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder b = new StringBuilder(256);
        b.append('{');
        field(b, "time", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(event.getTimeStamp())));
        b.append(',');
        field(b, "level", event.getLevel().toString());
        b.append(',');
        field(b, "logger", event.getLoggerName());
        b.append(',');
        field(b, "message", event.getFormattedMessage());
        Map<String, String> mdc = event.getMDCPropertyMap();
        for (String key : MDC_KEYS) {
            String v = mdc == null ? null : mdc.get(key);
            if (v != null && !v.isEmpty()) {
                b.append(',');
                field(b, key, v);
            }
        }
        IThrowableProxy t = event.getThrowableProxy();
        if (t != null) {
            b.append(',');
            field(b, "exception", ThrowableProxyUtil.asString(t));
        }
        b.append('}').append(CoreConstants.LINE_SEPARATOR);
        return b.toString();
    }

    @Override
    public String getContentType() {
        return "application/json";
    }

    private static void field(StringBuilder b, String name, String value) {
        quote(b, name);
        b.append(':');
        quote(b, value == null ? "" : value);
    }

    /** A JSON string (RFC 8259): quote, backslash and control characters escaped. */
    static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
