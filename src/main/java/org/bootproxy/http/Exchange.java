package org.bootproxy.http;

import io.javalin.http.Context;
import org.bootproxy.support.Route.Style;
import org.slf4j.MDC;

/**
 * What one request turned out to be about: the route table sets its stage and style before the handler runs
 * ({@link #is}), the handler fills in the rest as it learns it (and may narrow the stage), and the error mapping
 * (which answer style?) and the request log (one line, one boot event) read it once at the end.
 * Lives for one request only.
 */
final class Exchange {
    private static final String KEY = Exchange.class.getName();
    /** Logging MDC keys: every log line written while a request is served carries its MAC and client IP. */
    static final String MDC_MAC = "mac";
    static final String MDC_CLIENT = "client";

    private final String clientIp;
    private Style style = Style.PLAIN;
    private String stage = "";
    private String detail = "";
    private String host = "";
    private String mac = "";
    private String failure = "";
    private boolean refused;
    private String result = "";
    private String error = "";

    private Exchange(String clientIp) {
        this.clientIp = clientIp;
    }

    static Exchange begin(Context ctx, String clientIp) {
        Exchange e = new Exchange(clientIp);
        ctx.attribute(KEY, e);
        ctx.attribute(HttpExtensions.CLIENT_IP_ATTRIBUTE, clientIp);
        return e;
    }

    /** The exchange of this request; one with an unknown client when the request never passed {@link #begin}. */
    static Exchange of(Context ctx) {
        Exchange e = ctx.attribute(KEY);
        return e != null ? e : begin(ctx, "");
    }

    String clientIp() {
        return clientIp;
    }

    Style style() {
        return style;
    }

    /**
     * Names the resource: {@code stage} for the boot timeline (ipxe, provision, built, pub…) and how it fails. Set
     * from the route table for every request; a handler calls it again only to narrow what its route declared.
     */
    Exchange is(String newStage, Style newStyle) {
        this.stage = newStage;
        this.style = newStyle;
        return this;
    }

    String stage() {
        return stage;
    }

    /** The template rendered or the file served. */
    String detail() {
        return detail;
    }

    void detail(String value) {
        detail = value == null ? "" : value;
    }

    String host() {
        return host;
    }

    void host(String value) {
        host = value == null ? "" : value;
    }

    String mac() {
        return mac;
    }

    /** Also puts the MAC in the logging MDC, so every log line of this request carries it. */
    void mac(String value) {
        mac = value == null ? "" : value;
        if (!mac.isEmpty()) {
            MDC.put(MDC_MAC, mac);
        }
    }

    /** Whether the request was refused because bootproxy was busy ({@link Busy}). */
    boolean refused() {
        return refused;
    }

    void refused(boolean value) {
        refused = value;
    }

    /** Puts this request's client and MAC in the logging MDC again, on a thread that picks the request up. */
    void resumeLogging() {
        MDC.put(MDC_CLIENT, clientIp);
        if (mac.isEmpty()) {
            MDC.remove(MDC_MAC);
        } else {
            MDC.put(MDC_MAC, mac);
        }
    }

    /** Why the answer is not what the client wanted, for the log line; "" when all went well. */
    String failure() {
        return failure;
    }

    void failure(String value) {
        failure = value == null ? "" : value;
    }

    /**
     * What the answer amounted to when not what its status says: {@code retry} (iPXE got the retry script),
     * {@code error} (a failure of ours), … ({@code metrics/BootMetrics} lists them); "" = read it from the status.
     */
    String result() {
        return result;
    }

    /** @param kind what failed when the result is {@code error}: {@code template} or {@code internal} */
    void result(String value, String kind) {
        result = value == null ? "" : value;
        error = kind == null ? "" : kind;
    }

    String error() {
        return error;
    }
}
