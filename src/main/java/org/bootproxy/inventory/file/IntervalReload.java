package org.bootproxy.inventory.file;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a folder again at most once per interval, off the request path: the site's watch ({@link FileWatch}) asks
 * {@link #whenDue} on a thread of its own, a reload builds a new snapshot and its owner swaps it in with one volatile
 * write. Lookups only ever read the snapshot: they never look at a file, never take this lock, never wait for a
 * read. The host files, the groups and the profiles each keep their snapshot behind one of these.
 *
 * <p>A read that takes long (tens of thousands of host files) spaces the next one out: the next read is due
 * {@code every} or {@value #SPACING} times the last read's duration after it ended, whichever is later, so the watch
 * keeps to about a tenth of one core however large the folder grows.
 */
final class IntervalReload {
    /** The next read waits at least this many times as long as the last one took. */
    static final int SPACING = 10;

    private final Clock clock;
    private final Duration every;
    private final Runnable reload;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Instant next = Instant.MIN;

    /**
     * @param every  how long what was read is trusted ({@link Duration#ZERO}: read again whenever the watch asks, not
     *               spaced out)
     * @param reload reads the folder and swaps in a new snapshot; runs under this object's lock, one at a time
     */
    IntervalReload(Clock clock, Duration every, Runnable reload) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.every = Objects.requireNonNull(every, "every");
        if (every.isNegative()) {
            throw new IllegalArgumentException("the rescan interval must not be negative: " + every);
        }
        this.reload = Objects.requireNonNull(reload, "reload");
    }

    /** The folder was just read by its owner (its first read, at start): the next read is due after the interval. */
    void readJustNow() {
        next = clock.instant().plus(every);
    }

    /** Reads again when the interval has passed and nobody else is reading (the watch, every tick). */
    void whenDue() {
        if (!clock.instant().isBefore(next) && reloading.tryLock()) {
            try {
                if (!clock.instant().isBefore(next)) {
                    run();
                }
            } finally {
                reloading.unlock();
            }
        }
    }

    /** Reads again now, waiting for a read under way (start-up, {@code lint}, a reload and tests). */
    void now() {
        reloading.lock();
        try {
            run();
        } finally {
            reloading.unlock();
        }
    }

    private void run() {
        Instant started = clock.instant();
        try {
            reload.run();
        } finally {
            Duration took = Duration.between(started, clock.instant());
            Duration wait = took.multipliedBy(SPACING);
            next = clock.instant().plus(every.isZero() || every.compareTo(wait) >= 0 ? every : wait);
        }
    }
}
