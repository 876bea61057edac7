package org.bootproxy.http;

import io.javalin.http.Context;

/**
 * {@code GET /healthz}: 200 {@code ok} while the HTTP side answers. It deliberately does not ask the
 * inventory: an upstream outage is answered per request (retry scripts, 503) and must not make an
 * orchestrator restart a process that is working as designed.
 *
 * <p>While the server warms up at start ({@link WarmUp}, well under a second), it answers 503 "starting": the
 * server answers, but not yet at the speed it will.
 */
final class HealthHandler {
    private final WarmUp warmUp;

    HealthHandler(WarmUp warmUp) {
        this.warmUp = warmUp;
    }

    void get(Context ctx) {
        if (warmUp.running() && !warmUp.isOurs(ctx)) {
            Text.answer(ctx, 503, "starting");
            return;
        }
        Text.answer(ctx, 200, "ok");
    }
}
