package org.bootproxy.support;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most one call per key at a time: a caller that finds a call for its key under way shares that call's
 * result (or its exception) instead of making its own. Once the call ends, the next caller starts a new one.
 */
public final class SingleFlight<K, V> {

    private final ConcurrentHashMap<K, CompletableFuture<V>> running = new ConcurrentHashMap<>();

    /**
     * What a caller got.
     *
     * @param value  the result
     * @param shared true when another caller's call produced it
     */
    public record Outcome<V>(V value, boolean shared) {
    }

    /** Runs {@code call} on this thread for {@code key}, or waits for the run already under way. Exceptions reach every caller. */
    public Outcome<V> run(K key, Supplier<V> call) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
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
            running.remove(key, mine);
        }
    }

    /**
     * Starts an asynchronous call for {@code key} with {@code start}, or joins the one under way; the call
     * counts as under way until its future completes. {@code start} is not called when the call is joined.
     *
     * @throws RuntimeException what {@code start} threw (nothing is left under way then)
     */
    public Outcome<CompletableFuture<V>> launch(K key, Supplier<CompletableFuture<V>> start) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> theirs = running.putIfAbsent(key, mine);
        if (theirs != null) {
            return new Outcome<>(theirs, true);
        }
        mine.whenComplete((v, e) -> running.remove(key, mine));
        try {
            start.get().whenComplete((v, e) -> {
                if (e == null) {
                    mine.complete(v);
                } else {
                    mine.completeExceptionally(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                }
            });
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return new Outcome<>(mine, false);
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
