package org.bootproxy.http;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;

/**
 * Requests refused because bootproxy was busy ({@link Busy}), logged as one summary line per interval instead of a
 * line each: under a flood a line per refusal would cost more than the refusal, and the log is one more place a
 * flood queues up. The line says how many, the latest example and what to do about it.
 */
final class Refusals {
    static final Duration INTERVAL = Duration.ofSeconds(10);

    private final Logger log;
    private final Clock clock;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong since;
    private final AtomicReference<String> example = new AtomicReference<>("");

    Refusals(Logger log, Clock clock) {
        this.log = log;
        this.clock = clock;
        this.since = new AtomicLong(clock.millis());
    }

    /** Counts one refusal; writes the summary when an interval has passed since the last one. */
    void add(String request, String reason) {
        count.incrementAndGet();
        example.set(request + ": " + reason);
        long now = clock.millis();
        long start = since.get();
        if (now - start >= INTERVAL.toMillis() && since.compareAndSet(start, now)) {
            long n = count.getAndSet(0);
            log.warn("refused {} requests in the last {} s because bootproxy was busy (the latest: {}); iPXE clients were"
                    + " told to retry, installers got 503 with Retry-After. If this lasts, give bootproxy more CPU or"
                    + " spread the boots out", n, (now - start) / 1000, example.get());
        }
    }
}
