package org.bootproxy.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.InventoryObserver;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.support.Durations;
import org.bootproxy.support.SingleFlight;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps an upstream inventory (Foreman, a CMDB) so a segment keeps booting when upstream is slow or down and
 * a rack powering on does not hammer it:
 * <ul>
 * <li>a found host is served from memory for {@code ttl}, "unknown" for the shorter {@code miss_ttl};</li>
 * <li>one upstream call per key at a time: concurrent lookups of one MAC share it;</li>
 * <li>at most {@code max_concurrent} upstream calls at once; others queue up to {@code queue_timeout};</li>
 * <li>when upstream fails, the last good answer is served if younger than {@code stale_max_age}; an unknown
 *     MAC that cannot be confirmed throws {@link UpstreamUnavailable} (the client is told to retry);</li>
 * <li>when a known host's entry has expired, upstream is asked in the background and the lookup waits at most
 *     {@code stale_grace} for it; past that the last good answer is served at once and the refresh goes on
 *     (one per key, at most {@code max_concurrent} at a time), so a hanging upstream costs a lookup the
 *     grace, not the read timeout;</li>
 * <li>build tokens seen in answers are remembered, so token lookups (provision, finish, built) are answered
 *     through the host's MAC even where upstream cannot search by token.</li>
 * </ul>
 * Every answer is logged with its source: fresh, cached, stale, miss or error.
 */
public final class CachingInventory implements HostInventory {

    private static final Logger log = LoggerFactory.getLogger(CachingInventory.class);
    private static final int PURGE_EVERY = 1024;

    /** Where an answer came from. */
    public enum Source {
        /** asked upstream just now, host found */
        FRESH,
        /** served from memory within the TTL */
        CACHED,
        /** upstream failed; the last good answer was served */
        STALE,
        /** the MAC is not known (upstream said so, now or within miss_ttl) */
        MISS,
        /** upstream failed and there was nothing to fall back on */
        ERROR;

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Answers by source, and how many calls reached upstream. */
    public record Stats(long fresh, long cached, long stale, long miss, long error, long upstreamCalls) {
    }

    private record Entry(Optional<Host> host, Instant fetched, boolean invalidated) {
    }

    private record Answer(Optional<Host> host, Source source, Duration age, String why) {
    }

    private final HostInventory upstream;
    private final InventoryObserver observer;
    private final CacheSettings config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, MacAddress> macByToken = new ConcurrentHashMap<>();
    private final SingleFlight<String, Answer> flights = new SingleFlight<>();
    private final BackgroundRefresh<String, Answer> refreshes;
    private final Semaphore permits;
    private final Map<Source, LongAdder> answers = new EnumMap<>(Source.class);
    private final LongAdder upstreamCalls = new LongAdder();
    private final AtomicLong stores = new AtomicLong();

    public CachingInventory(HostInventory upstream, CacheSettings config, Clock clock) {
        this(upstream, config, clock, InventoryObserver.NONE);
    }

    /** @param observer told each answer's source and each upstream call's time (metrics, /readyz) */
    public CachingInventory(HostInventory upstream, CacheSettings config, Clock clock, InventoryObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
        this.upstream = Objects.requireNonNull(upstream);
        this.config = Objects.requireNonNull(config);
        this.clock = Objects.requireNonNull(clock);
        this.permits = new Semaphore(config.maxConcurrent(), true);
        this.refreshes = new BackgroundRefresh<>(config.maxConcurrent(), "inventory-refresh");
        for (Source s : Source.values()) {
            answers.put(s, new LongAdder());
        }
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        return lookup(macKey(mac), "mac " + mac.colons(), () -> upstream.findByMac(mac));
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        return lookup("ip " + ip, "ip " + ip, () -> upstream.findByIp(ip));
    }

    @Override
    public Optional<Host> findByToken(String token) {
        MacAddress mac = macByToken.get(token);
        if (mac != null) {
            Optional<Host> host = findByMac(mac);
            if (host.isPresent() && host.get().token().equals(token)) {
                return host;
            }
        }
        String shown = token.length() > 6 ? token.substring(0, 6) + "…" : token;
        return lookup("token " + token, "token " + shown, () -> upstream.findByToken(token));
    }

    private Optional<Host> lookup(String key, String label, Supplier<Optional<Host>> call) {
        Instant now = clock.instant();
        Entry e = entries.get(key);
        if (e != null && fresh(e, now)) {
            return answered(label, new Answer(e.host(), e.host().isPresent() ? Source.CACHED : Source.MISS,
                    Duration.between(e.fetched(), now), ""), false);
        }
        if (e != null && e.host().isPresent() && Duration.between(e.fetched(), now).compareTo(config.staleMaxAge()) <= 0) {
            return refreshWithinGrace(key, label, call, e);
        }
        SingleFlight.Outcome<Answer> o;
        try {
            o = flights.run(key, () -> fetch(key, label, call));
        } catch (UpstreamUnavailable ex) {
            throw failed(label, ex);
        }
        return answered(label, o.value(), o.shared());
    }

    private UpstreamUnavailable failed(String label, UpstreamUnavailable ex) {
        count(Source.ERROR);
        log.warn("inventory {} source=error: {}", label, ex.getMessage());
        return ex;
    }

    /**
     * An expired entry that could still be served stale: ask upstream in the background (or join the refresh
     * already running for this key) and wait for it no longer than {@code stale_grace} after it started.
     */
    private Optional<Host> refreshWithinGrace(String key, String label, Supplier<Optional<Host>> call, Entry last) {
        BackgroundRefresh.Result<Answer> r;
        try {
            r = refreshes.await(key, () -> fetch(key, label, call), config.staleGrace());
        } catch (UpstreamUnavailable ex) {
            throw failed(label, ex);
        }
        if (r instanceof BackgroundRefresh.Done<Answer> done) {
            return answered(label, done.value(), done.shared());
        }
        String why = r instanceof BackgroundRefresh.Busy
                ? "upstream busy: " + config.maxConcurrent() + " refreshes already under way (inventory.cache.max_concurrent)"
                : "no answer within inventory.cache.stale_grace " + Durations.format(config.staleGrace())
                + ", still asking in the background";
        return answered(label, stale(last, why), false);
    }

    private Answer stale(Entry last, String why) {
        return new Answer(last.host(), Source.STALE, Duration.between(last.fetched(), clock.instant()), why);
    }

    private Answer fetch(String key, String label, Supplier<Optional<Host>> call) {
        Entry current = entries.get(key);
        Instant now = clock.instant();
        if (current != null && fresh(current, now)) {
            // another flight for this key finished between our look and our turn
            return new Answer(current.host(), current.host().isPresent() ? Source.CACHED : Source.MISS,
                    Duration.between(current.fetched(), now), "");
        }
        boolean permitted;
        try {
            permitted = permits.tryAcquire(config.queueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return staleOr(current, new UpstreamUnavailable("interrupted while waiting for an upstream slot"));
        }
        if (!permitted) {
            return staleOr(current, new UpstreamUnavailable("upstream busy: " + config.maxConcurrent()
                    + " calls already in flight and this lookup waited " + Durations.format(config.queueTimeout())
                    + " for a slot (inventory.cache.max_concurrent, inventory.cache.queue_timeout)"));
        }
        long start = System.nanoTime();
        try {
            upstreamCalls.increment();
            Optional<Host> host = call.get();
            observer.upstreamCall(Duration.ofNanos(System.nanoTime() - start), Optional.empty());
            store(key, host);
            return new Answer(host, host.isPresent() ? Source.FRESH : Source.MISS, Duration.ZERO, "");
        } catch (UpstreamUnavailable ex) {
            observer.upstreamCall(Duration.ofNanos(System.nanoTime() - start), Optional.of(String.valueOf(ex.getMessage())));
            return staleOr(current, ex);
        } finally {
            permits.release();
        }
    }

    private Answer staleOr(Entry last, UpstreamUnavailable failure) {
        if (last != null && last.host().isPresent()) {
            Duration age = Duration.between(last.fetched(), clock.instant());
            if (age.compareTo(config.staleMaxAge()) <= 0) {
                return new Answer(last.host(), Source.STALE, age, failure.getMessage());
            }
            throw new UpstreamUnavailable(failure.getMessage() + " (the last good answer is " + Durations.format(
                    age.withNanos(0)) + " old, older than inventory.cache.stale_max_age "
                    + Durations.format(config.staleMaxAge()) + ")", failure);
        }
        throw failure;
    }

    private Optional<Host> answered(String label, Answer a, boolean shared) {
        count(a.source());
        String host = a.host().map(Host::name).orElse("-");
        long ageMs = a.age().toMillis();
        if (a.source() == Source.STALE) {
            log.warn("inventory {} source=stale host={} age_ms={} shared={} upstream: {}", label, host, ageMs, shared, a.why());
        } else {
            log.info("inventory {} source={} host={} age_ms={} shared={}", label, a.source().word(), host, ageMs, shared);
        }
        return a.host();
    }

    private void store(String key, Optional<Host> host) {
        Entry entry = new Entry(host, clock.instant(), false);
        entries.put(key, entry);
        host.ifPresent(h -> {
            // every NIC of the host answers the same: iPXE tries them one by one
            h.interfaces().forEach(n -> entries.put(macKey(n.mac()), entry));
            if (!h.token().isEmpty()) {
                macByToken.put(h.token(), h.provisionInterface().mac());
            }
        });
        if (stores.incrementAndGet() % PURGE_EVERY == 0) {
            purge();
        }
    }

    /** Drops what can no longer be served, even as stale data. */
    private void purge() {
        Instant oldest = clock.instant().minus(config.staleMaxAge().plus(config.ttl()));
        entries.values().removeIf(e -> e.fetched().isBefore(oldest));
        macByToken.values().removeIf(mac -> !entries.containsKey(macKey(mac)));
    }

    private boolean fresh(Entry e, Instant now) {
        Duration ttl = e.host().isPresent() ? config.ttl() : config.missTtl();
        return !e.invalidated() && now.isBefore(e.fetched().plus(ttl));
    }

    private static String macKey(MacAddress mac) {
        return "mac " + mac.colons();
    }

    // ------------------------------------------------------------------ build reports

    /** Forwards upstream, then makes the host's entries stale so the next lookup asks again (build is off now). */
    @Override
    public void reportBuilt(Host host) {
        try {
            upstream.reportBuilt(host);
        } finally {
            invalidate(host);
        }
    }

    @Override
    public void reportFailed(Host host, String report) {
        try {
            upstream.reportFailed(host, report);
        } finally {
            invalidate(host);
        }
    }

    /**
     * The host's entries are no longer fresh; they stay available as stale data, so a host that just reported
     * built still boots (locally: the build state store knows) when upstream is down.
     */
    public void invalidate(Host host) {
        entries.replaceAll((k, e) -> e.host().isPresent() && e.host().get().name().equals(host.name())
                ? new Entry(e.host(), e.fetched(), true) : e);
    }

    // ------------------------------------------------------------------

    @Override
    public List<Host> all() {
        return upstream.all();
    }

    @Override
    public String describe() {
        return upstream.describe() + ", cached (" + config + ")";
    }

    public Stats stats() {
        return new Stats(sum(Source.FRESH), sum(Source.CACHED), sum(Source.STALE), sum(Source.MISS), sum(Source.ERROR),
                upstreamCalls.sum());
    }

    private void count(Source s) {
        answers.get(s).increment();
        observer.answered(s.word());
    }

    private long sum(Source s) {
        return answers.get(s).sum();
    }
}
