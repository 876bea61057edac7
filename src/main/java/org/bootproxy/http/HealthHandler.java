package org.bootproxy.http;

import io.javalin.http.Context;

/**
 * {@code GET /healthz}: 200 {@code ok} while the HTTP side answers. It deliberately does not ask the
 * inventory: an upstream outage is answered per request (retry scripts, 503) and must not make an
 * orchestrator restart a process that is working as designed.
 */
final class HealthHandler {
    void get(Context ctx) {
        Text.answer(ctx, 200, "ok");
    }
}
