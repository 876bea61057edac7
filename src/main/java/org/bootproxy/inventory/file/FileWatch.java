package org.bootproxy.inventory.file;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the site's folders (hosts, groups, profiles) again on a thread of its own: the only place they are read
 * after start-up. Each tick asks every folder's {@link IntervalReload} whether its interval has passed, so an edit
 * is seen about a second after it is saved (later for a folder slow to read), a file saved with a mistake is
 * reported then, under no machine's MAC, and lookups never wait for a read.
 */
public final class FileWatch implements AutoCloseable {
    /** How often the watch asks the folders whether they are due. */
    public static final Duration TICK = Duration.ofMillis(250);

    private static final Logger LOG = LoggerFactory.getLogger(FileWatch.class);

    private final ScheduledExecutorService thread;

    private FileWatch(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /** Runs each of {@code rescans} every {@code every} (on a thread of low priority), until closed. */
    public static FileWatch start(Duration every, List<Runnable> rescans) {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "site-files");
            th.setDaemon(true);
            th.setPriority(Thread.MIN_PRIORITY); // requests first, where the OS honours it
            return th;
        });
        long ms = Math.max(1, every.toMillis());
        t.scheduleWithFixedDelay(() -> rescans.forEach(r -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                // the next round tries again; lookups still answer from what was read before
                LOG.error("reading the site's files failed", e);
            }
        }), ms, ms, TimeUnit.MILLISECONDS);
        return new FileWatch(t);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
