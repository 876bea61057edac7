package org.bootproxy.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.Optional;
import org.bootproxy.boot.BootException;

/**
 * What answers an unattended request or build report when bootproxy has no host (or no template) for
 * it: the handler from {@link HttpExtensions#unattendedFallback()}, else the usual not-found answer.
 */
final class Fallback {
    private final Optional<Handler> handler;

    Fallback(Optional<Handler> handler) {
        this.handler = handler;
    }

    /** Lets the fallback answer {@code ctx}; rethrows {@code notHere} when there is no fallback. */
    void answerOrThrow(Context ctx, Exchange ex, BootException notHere) throws Exception {
        if (handler.isEmpty()) {
            throw notHere;
        }
        ex.failure(notHere.getMessage() + " (handed to the fallback)");
        handler.get().handle(ctx);
    }
}
