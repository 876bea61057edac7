package org.bootproxy.smartproxy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** How the smart-proxy API answers: plain text, empty 200s (Foreman parses a non-empty 2xx body as JSON), JSON. */
final class Replies {
    static final String PLAIN = "text/plain; charset=utf-8";
    static final String JSON_TYPE = "application/json";
    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    static void text(Context ctx, int status, String body) {
        ctx.status(status).contentType(PLAIN).result(body);
    }

    /** 200 with no body: what Foreman's ProxyAPI reads as success for POST and DELETE. */
    static void ok(Context ctx) {
        ctx.status(200).contentType(PLAIN).result("");
    }

    static void json(Context ctx, Object value) {
        try {
            ctx.status(200).contentType(JSON_TYPE).result(JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
