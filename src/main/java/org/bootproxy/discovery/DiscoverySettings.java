package org.bootproxy.discovery;

import java.time.Duration;
import java.util.Objects;

/**
 * How the discovered-machine registry behaves.
 *
 * @param maxMachines past this many records the least recently seen is forgotten (discovery.max_machines)
 * @param firstRetry  the wait before the second try of an announcement upstream; it doubles with each failure
 * @param maxRetry    the longest wait between tries
 */
public record DiscoverySettings(int maxMachines, Duration firstRetry, Duration maxRetry) {
    public static final DiscoverySettings DEFAULTS = new DiscoverySettings(10_000, Duration.ofSeconds(5), Duration.ofMinutes(5));

    public DiscoverySettings {
        if (maxMachines < 1) {
            throw new IllegalArgumentException("discovery.max_machines must be at least 1, not " + maxMachines);
        }
        Objects.requireNonNull(firstRetry, "firstRetry");
        Objects.requireNonNull(maxRetry, "maxRetry");
        if (firstRetry.isNegative() || firstRetry.isZero() || maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("announcement retries need 0 < first retry <= max retry, not "
                    + firstRetry + " and " + maxRetry);
        }
    }
}
