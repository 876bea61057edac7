package org.bootproxy.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.bootproxy.boot.BootException;

/**
 * What answers an unattended request or build report when bootproxy has no host (or no template) for
 * it: the handler from {@link HttpExtensions#unattendedFallback()}, else the usual not-found answer. With
 * {@link HttpExtensions#fallbackFirst()} it answers every such request before bootproxy looks at it.
 */
final class Fallback {
    private final Optional<Handler> handler;
    private final boolean first;

    Fallback(Optional<Handler> handler, boolean first) {
        this.handler = handler;
        this.first = first && handler.isPresent();
    }

    /** Whether the fallback answers every unattended request first. */
    boolean first() {
        return first;
    }

    /** Lets the fallback answer {@code ctx} when it answers everything first; false when bootproxy should answer. */
    boolean answeredFirst(Context ctx, Exchange ex) throws Exception {
        if (!first) {
            return false;
        }
        ex.detail("forwarded first");
        handler.orElseThrow().handle(ctx);
        return true;
    }

    /** Lets the fallback answer {@code ctx}; rethrows {@code notHere} when there is no fallback. */
    void answerOrThrow(Context ctx, Exchange ex, BootException notHere) throws Exception {
        if (handler.isEmpty()) {
            throw notHere;
        }
        // not a failure yet: the fallback answers (Foreman, say); what it throws is mapped and logged as usual
        ex.detail("fallback: " + Text.oneLine(notHere.getMessage(), 300));
        handler.get().handle(ctx);
    }
}
