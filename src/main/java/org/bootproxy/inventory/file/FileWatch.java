package org.bootproxy.inventory.file;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the site's folders (hosts, groups, profiles) again every interval on a thread of its own, so a file
 * saved with a mistake is reported when it is saved, under no machine's MAC, rather than when some machine
 * next asks. Lookups keep checking too, so a lookup never answers from files older than the interval.
 */
public final class FileWatch implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FileWatch.class);

    private final ScheduledExecutorService thread;

    private FileWatch(ScheduledExecutorService thread) {
        this.thread = thread;
    }

    /** Runs each of {@code rescans} every {@code every}, until closed. */
    public static FileWatch start(Duration every, List<Runnable> rescans) {
        ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "site-files");
            th.setDaemon(true);
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
