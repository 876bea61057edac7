package org.bootproxy.http;

/**
 * The request is over a bound ({@link Bound}): answered at once, the way a wait-it-out failure is (the retry script
 * for iPXE, 503 with Retry-After for everyone else), never left waiting. No stack trace: this is load, not a bug.
 */
final class Busy extends RuntimeException {
    Busy(String message) {
        super(message, null, false, false);
    }
}
