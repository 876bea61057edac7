package org.bootproxy.smartproxy;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;

/**
 * Whether an asynchronous request is over: answered, timed out, or ended by Jetty (bootproxy stopping, the
 * connection failing). Work that finishes later on another thread asks it before it touches the request, which
 * Jetty recycles once the exchange ends.
 */
final class ExchangeEnd implements AsyncListener {
    private volatile String why;

    private ExchangeEnd() {
    }

    /** Starts watching {@code async} (the request must be in asynchronous mode). */
    static ExchangeEnd of(AsyncContext async) {
        ExchangeEnd end = new ExchangeEnd();
        async.addListener(end);
        return end;
    }

    boolean ended() {
        return why != null;
    }

    /** "completed", "timed out" or "failed: …"; empty while it lasts. */
    String why() {
        return why == null ? "" : why;
    }

    @Override
    public void onComplete(AsyncEvent event) {
        why = "completed";
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        why = "timed out";
    }

    @Override
    public void onError(AsyncEvent event) {
        Throwable t = event.getThrowable();
        why = "failed: " + (t == null ? "unknown error" : t.getClass().getSimpleName());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // a new asynchronous cycle of the same request: still running
    }
}
