package org.bootproxy.http;

import java.time.Duration;
import java.util.Objects;
import org.bootproxy.boot.BuildState;

/**
 * How much the HTTP side takes on at once. Past each bound a request is answered at once (the retry script for
 * iPXE, 503 with Retry-After for the rest), never queued into a timeout.
 *
 * @param workers       requests answered by a worker thread at once (rendering, inventory lookups, reports): 32,
 *                      as many as the inventory cache has upstream slots. Rendering is CPU work: more of it at once
 *                      on a few cores only makes each answer slower (and a slow enough one meets the render time
 *                      limit). The thread pool has {@link #threads()}: these plus room for the refusals, the acceptor
 *                      and selector, and the callbacks of downloads and bodies, which hold no thread while they wait
 * @param maxQueueWait  how long a request may have waited for a thread before a worker route refuses it (1 s): a
 *                      flood of requests queues in front of the threads, before any of them can be counted, and a
 *                      server that far behind should tell iPXE to come back rather than start on it
 * @param downloads     files ({@code /pub}, {@code /httpboot}) streamed at once; a slow client holds a place, not
 *                      a thread
 * @param bodies        request bodies being received at once (failure reports)
 * @param maxBodyBytes  the largest body read (1 MiB); a larger {@code Content-Length} is refused (413) unread
 * @param keptBodyBytes how much of a body is kept in memory (64 KiB, what a failure report keeps)
 * @param bodyDeadline  how long a body may take to arrive (408 after)
 * @param idleTimeout   how long a connection may send and accept nothing before it is closed
 */
public record HttpLimits(int workers, Duration maxQueueWait, int downloads, int bodies, long maxBodyBytes, int keptBodyBytes,
                         Duration bodyDeadline, Duration idleTimeout) {
    /**
     * Threads beyond {@link #workers}: refusals, acceptor, selector, download and body callbacks, each a short job.
     * Not more: a thread Jetty starts for a burst stays for a minute, and under load every thread the pool has takes
     * turns on the two cores (64 here left some 95 threads running at 64 connections, 16 left 67, with less CPU an
     * answer and shorter young collections, which scan every thread's stack; BENCHMARKS.md, issue 15's fourth round).
     */
    static final int SPARE_THREADS = 16;

    public static final HttpLimits DEFAULTS = new HttpLimits(32, Duration.ofSeconds(1), 512, 256, 1024 * 1024, BuildState.MAX_REPORT_BYTES,
            Duration.ofSeconds(30), Duration.ofSeconds(30));

    public HttpLimits {
        positive("workers", workers);
        Objects.requireNonNull(maxQueueWait, "maxQueueWait");
        positive("maxQueueWait (ms)", maxQueueWait.toMillis());
        positive("downloads", downloads);
        positive("bodies", bodies);
        positive("maxBodyBytes", maxBodyBytes);
        positive("keptBodyBytes", keptBodyBytes);
        if (keptBodyBytes > maxBodyBytes) {
            throw new IllegalArgumentException("keptBodyBytes (" + keptBodyBytes + ") cannot be over maxBodyBytes ("
                    + maxBodyBytes + ")");
        }
        Objects.requireNonNull(bodyDeadline, "bodyDeadline");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        positive("bodyDeadline (ms)", bodyDeadline.toMillis());
        positive("idleTimeout (ms)", idleTimeout.toMillis());
    }

    /** The size of the thread pool. */
    int threads() {
        return workers + SPARE_THREADS;
    }

    public HttpLimits withWorkers(int n) {
        return new HttpLimits(n, maxQueueWait, downloads, bodies, maxBodyBytes, keptBodyBytes, bodyDeadline, idleTimeout);
    }

    public HttpLimits withMaxQueueWait(Duration wait) {
        return new HttpLimits(workers, wait, downloads, bodies, maxBodyBytes, keptBodyBytes, bodyDeadline, idleTimeout);
    }

    public HttpLimits withDownloads(int n) {
        return new HttpLimits(workers, maxQueueWait, n, bodies, maxBodyBytes, keptBodyBytes, bodyDeadline, idleTimeout);
    }

    public HttpLimits withBodies(int n, Duration deadline) {
        return new HttpLimits(workers, maxQueueWait, downloads, n, maxBodyBytes, keptBodyBytes, deadline, idleTimeout);
    }

    public HttpLimits withIdleTimeout(Duration timeout) {
        return new HttpLimits(workers, maxQueueWait, downloads, bodies, maxBodyBytes, keptBodyBytes, bodyDeadline, timeout);
    }

    private static void positive(String what, long value) {
        if (value < 1) {
            throw new IllegalArgumentException("HTTP limit " + what + " must be at least 1, not " + value);
        }
    }
}
