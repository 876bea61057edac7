package org.bootproxy.cli;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SIGHUP → reload, as daemons do ({@code systemctl reload}, {@code kill -HUP}). The JDK has no public signal API;
 * {@code sun.misc.Signal} (module jdk.unsupported, kept on purpose for this use by JEP 260) is the pragmatic way.
 * Without it the JVM's default for SIGHUP ends the process (exit 129). Reloads run one at a time on their own thread,
 * never on the JVM's signal thread.
 */
final class HangupSignal {
    private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

    private HangupSignal() {
    }

    /** From now on SIGHUP runs {@code onHangup}; returns false (and logs why) when the JVM does not allow it. */
    static boolean install(Runnable onHangup) {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "reload");
            t.setDaemon(true);
            return t;
        });
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> worker.execute(onHangup));
            return true;
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            worker.shutdown();
            LOG.warn("SIGHUP cannot be caught in this JVM ({}); reload by restarting bootproxy", e.getMessage());
            return false;
        }
    }
}
