package org.bootproxy.inventory.file;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Reads a folder again at most once per interval, on the thread of whoever asks first after it: the others go on
 * with what was read before rather than wait for a read that may be parsing a changed file. The host files, the
 * groups and the profiles each keep their snapshot behind one of these.
 */
final class IntervalReload {
    private final Clock clock;
    private final Duration every;
    private final Runnable reload;
    private final ReentrantLock reloading = new ReentrantLock();
    private volatile Instant next = Instant.MIN;

    /**
     * @param every  how long what was read is trusted ({@link Duration#ZERO}: read again on every ask)
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

    /** Reads again when the interval has passed and nobody else is reading. */
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

    /** Reads again now, waiting for a read under way (for {@code lint}, the background watch and tests). */
    void now() {
        reloading.lock();
        try {
            run();
        } finally {
            reloading.unlock();
        }
    }

    private void run() {
        try {
            reload.run();
        } finally {
            next = clock.instant().plus(every);
        }
    }
}
