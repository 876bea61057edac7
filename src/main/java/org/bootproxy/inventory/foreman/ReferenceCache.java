package org.bootproxy.inventory.foreman;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.bootproxy.support.SingleFlight;

/**
 * Foreman objects many hosts share (operating systems, media, subnets), remembered by id for a while, so a
 * rack of hosts costs one request per object instead of one per host. Concurrent misses share one request.
 */
final class ReferenceCache<T> {

    private record Stamped<T>(T value, Instant at) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<Long, Stamped<T>> values = new ConcurrentHashMap<>();
    private final SingleFlight<Long, T> flights = new SingleFlight<>();

    ReferenceCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    T get(long id, Supplier<T> fetch) {
        Stamped<T> s = values.get(id);
        if (s != null && clock.instant().isBefore(s.at().plus(ttl))) {
            return s.value();
        }
        return flights.run(id, () -> {
            T v = fetch.get();
            if (!ttl.isZero()) {
                values.put(id, new Stamped<>(v, clock.instant()));
            }
            return v;
        }).value();
    }
}
