package org.bootproxy.smartproxy;

/**
 * Ends a request with a status and a one-line message, like smart-proxy's {@code log_halt}: the message is
 * the body, and it is logged. Thrown by handlers, answered by {@link Access}.
 */
final class Halt extends RuntimeException {
    private final int status;

    Halt(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    /** smart-proxy's {@code log_halt(status, prefix) { … }}: the prefix, then what went wrong. */
    static Halt because(int status, String prefix, Exception cause) {
        String why = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new Halt(status, prefix + why);
    }

    int status() {
        return status;
    }
}
