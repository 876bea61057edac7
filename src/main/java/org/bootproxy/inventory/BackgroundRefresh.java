package org.bootproxy.inventory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Calls that run on their own threads, one per key at a time and at most {@code maxThreads} at once, and that
 * a caller waits for only so long: past its patience the call goes on and its result lands wherever the call
 * puts it (for {@link CachingInventory}: in the cache, for the next lookup).
 */
final class BackgroundRefresh<K, V> {

    /** What a caller got. */
    sealed interface Result<V> {
    }

    /** The call finished in time (or had already): its value, and whether another caller started it. */
    record Done<V>(V value, boolean shared) implements Result<V> {
    }

    /** The call is still running; it goes on without the caller. */
    record Pending<V>() implements Result<V> {
    }

    /** Every thread was busy: the call was not even started. */
    record Busy<V>() implements Result<V> {
    }

    private record Run<V>(CompletableFuture<V> result, long startedNanos) {
    }

    private final ConcurrentHashMap<K, Run<V>> running = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor threads;

    BackgroundRefresh(int maxThreads, String threadName) {
        AtomicLong n = new AtomicLong();
        threads = new ThreadPoolExecutor(0, maxThreads, 5, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts {@code call} for {@code key}, or joins the one already running, and waits until {@code patience}
     * after that call started. Exceptions of the call reach the callers who waited for it.
     */
    Result<V> await(K key, Supplier<V> call, Duration patience) {
        boolean[] started = {false};
        Run<V> run = running.computeIfAbsent(key, k -> {
            Run<V> mine = new Run<>(new CompletableFuture<>(), System.nanoTime());
            try {
                threads.execute(() -> {
                    V value = null;
                    Throwable failure = null;
                    try {
                        value = call.get();
                    } catch (RuntimeException | Error e) {
                        failure = e;
                    } finally {
                        // gone before anyone hears the result: a caller who heard it and asks again starts afresh
                        // instead of joining this finished run and getting its old answer
                        running.remove(k, mine);
                    }
                    if (failure == null) {
                        mine.result().complete(value);
                    } else {
                        mine.result().completeExceptionally(failure);
                    }
                });
            } catch (RejectedExecutionException full) {
                return null;
            }
            started[0] = true;
            return mine;
        });
        if (run == null) {
            return new Busy<>();
        }
        long left = patience.toNanos() - (System.nanoTime() - run.startedNanos());
        try {
            V v = left > 0 ? run.result().get(left, TimeUnit.NANOSECONDS) : run.result().getNow(null);
            return v == null ? new Pending<>() : new Done<>(v, !started[0]);
        } catch (TimeoutException e) {
            return new Pending<>();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Pending<>();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
