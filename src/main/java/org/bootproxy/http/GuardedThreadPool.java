package org.bootproxy.http;

import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Jetty's worker pool, of a fixed size, where a job that dies of an {@link Error} (an {@link OutOfMemoryError} in a
 * selector, a callback, an acceptor) ends the process through {@link OnFatalError} instead of being logged and
 * forgotten while a half-working server runs on.
 */
final class GuardedThreadPool extends QueuedThreadPool {
    private final OnFatalError onFatal;

    GuardedThreadPool(int threads, OnFatalError onFatal) {
        super(threads, Math.min(8, threads), 60_000);
        this.onFatal = onFatal;
        setName("http");
    }

    @Override
    protected void onJobFailure(Throwable x) {
        OnFatalError.in(x).ifPresent(e -> onFatal.fatal("HTTP thread pool job", e));
        super.onJobFailure(x);
    }
}
