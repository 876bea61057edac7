package org.bootproxy.inventory;

import java.time.Duration;
import java.util.Objects;
import org.bootproxy.support.Durations;

/**
 * How {@link CachingInventory} keeps upstream answers (config key {@code inventory.cache}); the config has
 * checked each value against its allowed range already.
 *
 * @param ttl           how long a found host is served without asking upstream again
 * @param missTtl       how long "unknown MAC" is remembered; at most {@code ttl}
 * @param staleMaxAge   how old a last good answer may be and still be served when upstream fails
 * @param maxConcurrent upstream calls in flight at once; further lookups queue
 * @param queueTimeout  how long a lookup waits in that queue before it counts as an upstream failure
 * @param staleGrace    when a known host's entry has expired, how long a lookup waits for upstream's new answer
 *                      before it is served the last good one while the refresh goes on (0: at once)
 */
public record CacheSettings(Duration ttl, Duration missTtl, Duration staleMaxAge, int maxConcurrent, Duration queueTimeout,
                            Duration staleGrace) {

    public CacheSettings {
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(missTtl, "missTtl");
        Objects.requireNonNull(staleMaxAge, "staleMaxAge");
        Objects.requireNonNull(queueTimeout, "queueTimeout");
        Objects.requireNonNull(staleGrace, "staleGrace");
        if (ttl.isNegative() || missTtl.isNegative() || staleMaxAge.isNegative() || staleGrace.isNegative()
                || missTtl.compareTo(ttl) > 0) {
            throw new IllegalArgumentException("cache durations must not be negative, and missTtl (" + missTtl
                    + ") not longer than ttl (" + ttl + ")");
        }
        if (maxConcurrent < 1 || queueTimeout.isNegative() || queueTimeout.isZero()) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1 (not " + maxConcurrent
                    + ") and queueTimeout positive (not " + queueTimeout + ")");
        }
    }

    @Override
    public String toString() {
        return "ttl " + Durations.format(ttl) + ", miss_ttl " + Durations.format(missTtl) + ", stale_max_age "
                + Durations.format(staleMaxAge) + ", max_concurrent " + maxConcurrent + ", queue_timeout "
                + Durations.format(queueTimeout) + ", stale_grace " + Durations.format(staleGrace);
    }
}
