package org.bootproxy.inventory.upstream;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most one call per key at a time: a caller that finds a call for its key under way waits for that call
 * and gets its result (or its exception) instead of making its own.
 */
public final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> inFlight = new ConcurrentHashMap<>();

    /** The outcome and whether this caller made the call or shared another's. */
    public record Outcome<V>(V value, boolean shared) {
    }

    /** Runs {@code call} for {@code key}, or joins the run already under way. Exceptions reach every caller. */
    public Outcome<V> run(K key, Supplier<V> call) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = inFlight.putIfAbsent(key, mine);
        if (theirs != null) {
            return new Outcome<>(join(theirs), true);
        }
        try {
            V v = call.get();
            mine.complete(v);
            return new Outcome<>(v, false);
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** Calls under way now. */
    public int inFlight() {
        return inFlight.size();
    }

    private static <V> V join(CompletableFuture<V> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
