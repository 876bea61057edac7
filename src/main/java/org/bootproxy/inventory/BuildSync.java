package org.bootproxy.inventory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.inventory.upstream.BuildListing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the hosts the upstream has in build in the cache before they power on, so a rack that boots at once is
 * answered from memory instead of queueing for one upstream lookup per machine
 * ({@code inventory.cache.sync_interval}).
 *
 * <ul>
 *   <li>Every {@code interval} (and at start) it lists the hosts in build ({@link BuildListing}: for Foreman,
 *       {@code search=build=true} page by page) and reads in full only the hosts that are new or whose listing
 *       changed, taking those requests from the cache's {@code max_concurrent} slots like any lookup.</li>
 *   <li>The hosts go into the cache, fresh until the next sync is due ({@code interval + ttl}); hosts that left
 *       build since the last sync are made stale, so their next lookup asks upstream and sees them out of build.</li>
 *   <li>When lookups go upstream in a burst ({@value #BURST} in {@value #BURST_WINDOW_SECONDS} s: machines that the
 *       last sync did not know, say a rack put in build a minute ago), it syncs at once, at most every
 *       {@value #MIN_GAP_SECONDS} s, so the rest of the rack is answered from memory.</li>
 *   <li>A failed listing keeps what the last sync loaded (the cache serves it, then serves it stale) and is tried
 *       again at the next interval; the per-MAC lookup stays the fallback for everything else.</li>
 * </ul>
 * One line per sync in the log says what it found and what it cost upstream (requests sent).
 */
public final class BuildSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BuildSync.class);

    static final int BURST = 20;
    static final int BURST_WINDOW_SECONDS = 10;
    static final int MIN_GAP_SECONDS = 10;

    /** What one sync did. */
    public record Outcome(int inBuild, int loaded, int failed, int leftBuild, long requests, Duration took) {
    }

    /** A host as last loaded, with the listing's fingerprint at the time. */
    private record Known(String fingerprint, Host host) {
    }

    private final BuildListing listing;
    private final CachingInventory cache;
    private final Duration interval;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private final ExecutorService loaders;
    private final long[] callsBySecond = new long[BURST_WINDOW_SECONDS];
    private Map<String, Known> known = new HashMap<>();
    private Instant nextSync = Instant.MIN;
    private Instant lastStart = Instant.MIN;
    private int tick;
    private final AtomicLong syncs = new AtomicLong();
    private volatile Outcome last;

    /**
     * @param interval how often to sync (positive)
     */
    public BuildSync(BuildListing listing, CachingInventory cache, Duration interval, Clock clock) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("sync interval must be positive: " + interval);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "inventory-sync"));
        AtomicInteger n = new AtomicInteger();
        this.loaders = Executors.newFixedThreadPool(cache.settings().maxConcurrent(),
                r -> daemon(r, "inventory-sync-load-" + n.incrementAndGet()));
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Syncs now (in the background) and then every interval, or sooner on a burst of upstream lookups. */
    public BuildSync start() {
        timer.scheduleWithFixedDelay(this::tick, 0, 1, TimeUnit.SECONDS);
        return this;
    }

    /** The last sync's outcome; null before the first one ended. */
    public Outcome last() {
        return last;
    }

    /** How many syncs ended (with or without a failure). */
    public long syncs() {
        return syncs.get();
    }

    /** Once a second: sync when due, or early on a burst of upstream lookups. */
    void tick() {
        try {
            Instant now = clock.instant();
            long calls = cache.stats().upstreamCalls();
            int slot = tick++ % BURST_WINDOW_SECONDS;
            long burst = calls - callsBySecond[slot];
            callsBySecond[slot] = calls;
            boolean due = !now.isBefore(nextSync);
            boolean bursting = tick > BURST_WINDOW_SECONDS && burst >= BURST
                    && !now.isBefore(lastStart.plusSeconds(MIN_GAP_SECONDS));
            if (due || bursting) {
                lastStart = now;
                nextSync = now.plus(interval);
                if (bursting && !due) {
                    log.info("inventory sync early: {} lookups went upstream in the last {} s", burst, BURST_WINDOW_SECONDS);
                }
                sync();
            }
        } catch (RuntimeException e) {
            // a bug must not end the timer: the next tick tries again
            log.error("inventory sync failed", e);
        }
    }

    /** One sync now, on the calling thread (the timer calls it; so can a benchmark or a test). */
    public Outcome sync() {
        long requestsBefore = listing.requestsSent();
        long start = System.nanoTime();
        Outcome o;
        try {
            o = syncOnce(requestsBefore, start);
            log.info("inventory sync: {} hosts in build, {} loaded (new or changed){}, {} left build since the last sync;"
                    + " {} requests upstream, {} ms", o.inBuild(), o.loaded(), o.failed() > 0 ? ", " + o.failed() + " failed" : "",
                    o.leftBuild(), o.requests(), o.took().toMillis());
        } catch (UpstreamUnavailable e) {
            o = new Outcome(known.size(), 0, 0, 0, listing.requestsSent() - requestsBefore,
                    Duration.ofNanos(System.nanoTime() - start));
            log.warn("inventory sync: cannot list the hosts in build ({}); the {} hosts of the last sync stay cached, next try"
                    + " in {} s", e.getMessage(), known.size(), interval.toSeconds());
        }
        last = o;
        syncs.incrementAndGet();
        return o;
    }

    private Outcome syncOnce(long requestsBefore, long start) {
        List<BuildListing.Listed> listed = listing.listInBuild();
        Map<String, Known> next = new HashMap<>();
        List<BuildListing.Listed> toLoad = new ArrayList<>();
        for (BuildListing.Listed l : listed) {
            Known k = known.get(l.id());
            if (k != null && k.fingerprint().equals(l.fingerprint())) {
                next.put(l.id(), k);
            } else {
                toLoad.add(l);
            }
        }
        int failed = 0;
        List<CompletableFuture<Known>> loads = new ArrayList<>();
        for (BuildListing.Listed l : toLoad) {
            loads.add(CompletableFuture.supplyAsync(() -> load(l), loaders));
        }
        for (int i = 0; i < loads.size(); i++) {
            Known k = loads.get(i).join();
            if (k != null) {
                next.put(toLoad.get(i).id(), k);
            } else {
                failed++;
                Known before = known.get(toLoad.get(i).id());
                if (before != null) {
                    next.put(toLoad.get(i).id(), before); // keep serving what it was until it loads
                }
            }
        }
        Set<String> stillInBuild = new HashSet<>();
        List<Host> hosts = new ArrayList<>(next.size());
        for (Known k : next.values()) {
            if (k.host().build()) {
                hosts.add(k.host());
                stillInBuild.add(k.host().name());
            }
        }
        Set<String> left = new HashSet<>();
        known.values().forEach(k -> {
            if (!stillInBuild.contains(k.host().name())) {
                left.add(k.host().name());
            }
        });
        cache.invalidate(left);
        cache.preload(hosts, interval.plus(cache.settings().ttl()));
        known = next;
        return new Outcome(hosts.size(), toLoad.size() - failed, failed, left.size(), listing.requestsSent() - requestsBefore,
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** One host read in full, in one of the cache's upstream slots; null when it could not be. */
    private Known load(BuildListing.Listed l) {
        boolean slot;
        try {
            slot = cache.upstreamSlots().tryAcquire(cache.settings().queueTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (!slot) {
            return null;
        }
        try {
            return new Known(l.fingerprint(), listing.load(l.id()));
        } catch (UpstreamUnavailable e) {
            log.warn("inventory sync: cannot load host {} ({}): {}; its machines are looked up one by one", l.name(), l.id(),
                    e.getMessage());
            return null;
        } finally {
            cache.upstreamSlots().release();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        loaders.shutdownNow();
    }
}
