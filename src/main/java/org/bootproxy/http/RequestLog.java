package org.bootproxy.http;

import io.javalin.http.Context;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.GuardedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line and one boot event per answered request. The MAC and client IP are in the MDC (the log
 * pattern puts them in front), the message says the rest, e.g.
 * {@code GET /unattended/iPXE?mac=52:54:00:aa:00:01 200 ipxe/kickstart host=web01.example.com ua=iPXE/1.21.1 12ms},
 * plus {@code reason="…"} when the answer is not what the client wanted. Build tokens are shortened in
 * the logged query. {@code /healthz} is logged at debug only. Requests refused because bootproxy was busy are
 * neither logged one by one nor boot events: {@link Refusals} sums them up.
 */
final class RequestLog {
    private static final Logger log = LoggerFactory.getLogger("http");
    private static final Pattern TOKEN = Pattern.compile("(?i)(^|&)(token=[^&]{0,4})[^&]*");

    private final BootEvents events;
    private final Clock clock;
    private final Refusals refusals;

    RequestLog(BootEvents events, Clock clock) {
        this.events = GuardedEvents.around(events, e -> log.warn("boot event not recorded: {}", e.toString()));
        this.clock = clock;
        this.refusals = new Refusals(log, clock);
    }

    /** Start of a request: the client is known, the MAC not yet. */
    static void begin(Exchange ex) {
        MDC.put(Exchange.MDC_CLIENT, ex.clientIp());
        MDC.remove(Exchange.MDC_MAC);
    }

    /** End of a request, on whichever thread finished it (an asynchronous answer ends on another than it began). */
    void end(Context ctx, Float ms) {
        end(ctx, ms, false);
    }

    /** @param warmUp the server's own request before it is ready ({@link WarmUp}): no line and no event */
    void end(Context ctx, Float ms, boolean warmUp) {
        Exchange ex = Exchange.of(ctx);
        ex.resumeLogging();
        try {
            if (!warmUp) {
                write(ctx, ex, ms == null ? 0 : Math.round(ms));
            }
        } finally {
            MDC.remove(Exchange.MDC_MAC);
            MDC.remove(Exchange.MDC_CLIENT);
        }
    }

    private void write(Context ctx, Exchange ex, long ms) {
        int status = ctx.statusCode();
        String request = ctx.method() + " " + Text.oneLine(ctx.path(), 300) + query(ctx.queryString());
        if (ex.refused()) {
            refusals.add(request + " from " + ex.clientIp(), ex.failure());
            return;
        }
        String detail = ex.detail().isEmpty() ? "-" : ex.detail();
        String host = ex.host().isEmpty() ? "-" : ex.host();
        String agent = ctx.userAgent();
        String ua = agent == null || agent.isBlank() ? "-" : Text.oneLine(agent, 80);
        String why = ex.failure().isEmpty() ? "" : " reason=\"" + Text.oneLine(ex.failure(), 500) + "\"";
        // stage and host are also MDC fields, for the JSON log format (--log-format json)
        MDC.put("stage", ex.stage());
        MDC.put("host", ex.host());
        try {
            if (ctx.path().equals("/healthz")) {
                log.debug("{} {} {}ms", request, status, ms);
            } else if (status >= 500 || (!ex.failure().isEmpty() && status < 300)) {
                log.warn("{} {} {} host={} ua={} {}ms{}", request, status, detail, host, ua, ms, why);
            } else {
                log.info("{} {} {} host={} ua={} {}ms{}", request, status, detail, host, ua, ms, why);
            }
        } finally {
            MDC.remove("stage");
            MDC.remove("host");
        }
        if (!ex.stage().isEmpty()) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("host", ex.host());
            fields.put("ms", String.valueOf(ms));
            fields.put("ua", ua);
            if (!ex.failure().isEmpty()) {
                fields.put("reason", Text.oneLine(ex.failure(), 500));
            }
            String result = !ex.result().isEmpty() ? ex.result() : status < 400 ? "ok" : "";
            if (!result.isEmpty()) {
                fields.put("result", result);
            }
            if (!ex.error().isEmpty()) {
                fields.put("error", ex.error());
            }
            events.record(new BootEvent(clock.instant(), ex.mac(), ex.clientIp(), ex.stage(), ex.detail(),
                    String.valueOf(status), fields));
        }
    }

    /** {@code ?a=b&token=…}, with a token cut to its first four characters. */
    static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        String q = hasToken(raw) ? TOKEN.matcher(raw).replaceAll("$1$2…") : raw;
        return "?" + Text.oneLine(q, 300);
    }

    /** A {@code token=} parameter (any case) in the query: at its start or after an {@code &}. No copy of it made. */
    private static boolean hasToken(String raw) {
        int at = 0;
        while (!raw.regionMatches(true, at, "token=", 0, 6)) {
            int amp = raw.indexOf('&', at);
            if (amp < 0) {
                return false;
            }
            at = amp + 1;
        }
        return true;
    }
}
