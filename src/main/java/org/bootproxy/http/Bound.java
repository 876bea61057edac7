package org.bootproxy.http;

import io.javalin.http.Handler;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.function.LongSupplier;

/**
 * At most {@code limit} of one kind of work at a time (requests being answered by a worker thread, downloads being
 * streamed, request bodies being read). Past the bound a request is refused at once with {@link Busy}: a fast
 * answer the client can act on, never a queue that turns into a timeout.
 */
final class Bound {
    private static final LongSupplier NO_WAIT = () -> 0;

    private final String what;
    private final int limit;
    private final Semaphore permits;
    private final LongSupplier waitedNanos;
    private final long maxWaitNanos;

    /**
     * @param what  what is counted, for the answer: "requests being answered", "downloads"
     * @param limit how many at once; at least 1
     */
    Bound(String what, int limit) {
        this(what, limit, NO_WAIT, Duration.ZERO);
    }

    /**
     * A bound that also refuses a request that waited longer than {@code maxWait} for a thread
     * ({@code waitedNanos}, {@link GuardedThreadPool#waitedForThread()}): the queue in front of the threads is where a
     * flood of requests waits, before any of them can be counted here.
     */
    Bound(String what, int limit, LongSupplier waitedNanos, Duration maxWait) {
        if (limit < 1) {
            throw new IllegalArgumentException(what + ": the bound must be at least 1, not " + limit);
        }
        this.what = what;
        this.limit = limit;
        this.permits = new Semaphore(limit);
        this.waitedNanos = waitedNanos;
        this.maxWaitNanos = maxWait.isZero() ? Long.MAX_VALUE : maxWait.toNanos();
    }

    /**
     * Takes one place; call {@link #leave()} exactly once when the work is over.
     *
     * @throws Busy when all places are taken, or the request waited too long for a thread already
     */
    void enter() {
        long waited = waitedNanos.getAsLong();
        if (waited > maxWaitNanos) {
            throw new Busy("bootproxy is busy: this request waited " + waited / 1_000_000 + " ms for a thread");
        }
        if (!permits.tryAcquire()) {
            throw new Busy("bootproxy is busy: " + limit + " " + what + " already");
        }
    }

    void leave() {
        permits.release();
    }

    /**
     * {@code handler}, run only when a place is free and holding it while it runs on this thread. Work the handler
     * hands to a future ({@code ctx.future}) no longer holds it: such work has bounds of its own.
     */
    Handler around(Handler handler) {
        return ctx -> {
            enter();
            try {
                handler.handle(ctx);
            } finally {
                leave();
            }
        };
    }

    /** Places in use now (for tests and metrics). */
    int inUse() {
        return limit - permits.availablePermits();
    }

    int limit() {
        return limit;
    }
}
