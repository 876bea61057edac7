package org.bootproxy.http;

import org.bootproxy.support.OnFatalError;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's worker pool, of a fixed size, where a job that dies of an {@link Error} (an {@link OutOfMemoryError} in a
 * selector, a callback, an acceptor) ends the process through {@link OnFatalError} instead of being logged and
 * forgotten while a half-working server runs on.
 *
 * <p>It also knows how long the job running on a thread waited in the queue for it ({@link #waitedForThread()}):
 * for a request, the time between its connection becoming readable and a thread taking it up. That wait is where a
 * flood of requests piles up, before any handler sees them; admission control reads it.
 */
final class GuardedThreadPool extends QueuedThreadPool {
    private final OnFatalError onFatal;
    private final ThreadLocal<long[]> waited = ThreadLocal.withInitial(() -> new long[1]);

    GuardedThreadPool(int threads, OnFatalError onFatal) {
        super(threads, Math.min(8, threads), 60_000);
        this.onFatal = onFatal;
        setName("http");
    }

    @Override
    public void execute(Runnable job) {
        super.execute(new Queued(job, System.nanoTime()));
    }

    @Override
    protected void runJob(Runnable job) {
        if (job instanceof Queued q) {
            waited.get()[0] = System.nanoTime() - q.since();
            q.job().run();
        } else {
            waited.get()[0] = 0;
            job.run();
        }
    }

    /** How long the job running on this thread waited for it, in nanoseconds (0 when it did not queue). */
    long waitedForThread() {
        return waited.get()[0];
    }

    /** A job and when it was handed to the pool. */
    private record Queued(Runnable job, long since) implements Runnable {
        @Override
        public void run() {
            job.run();
        }

        @Override
        public String toString() {
            return job.toString();
        }
    }

    @Override
    protected void onJobFailure(Throwable x) {
        OnFatalError.in(x).ifPresent(e -> onFatal.fatal("HTTP thread pool job", e));
        super.onJobFailure(x);
    }
}
