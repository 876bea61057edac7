package org.bootproxy.http;

/**
 * A request body bootproxy will not read to the end: too large (413), too slow (408) or not valid HTTP framing such
 * as a broken chunk (400). Answered with that status and {@code Connection: close}, since the rest of the body is
 * still on the wire. No stack trace: the client's doing, not a bug.
 */
final class BodyRefused extends RuntimeException {
    private final int status;

    BodyRefused(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
