package org.bootproxy.inventory.upstream;

import java.time.Duration;

/** Receives every request an upstream backend makes, with what came back: {@code check-upstream} prints them. */
@FunctionalInterface
public interface HttpTrace {

    void exchange(Exchange exchange);

    HttpTrace NONE = e -> { };

    /**
     * One request and its answer.
     *
     * @param method  GET, POST…
     * @param url     the full URL (no credentials: those travel in headers)
     * @param status  the HTTP status, or 0 when none came back
     * @param body    the response body as received, or ""
     * @param took    how long it took
     * @param failure why there was no answer (timeout, TLS, DNS…), or ""
     */
    record Exchange(String method, String url, int status, String body, Duration took, String failure) {
        public Exchange {
            body = body == null ? "" : body;
            failure = failure == null ? "" : failure;
        }
    }
}
