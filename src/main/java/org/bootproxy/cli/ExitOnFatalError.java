package org.bootproxy.cli;

import org.bootproxy.http.OnFatalError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s answer to an error the process should not survive (out of memory, a dead HTTP acceptor): one log
 * line, then the process ends at once with exit status {@value #STATUS}, so that systemd ({@code Restart=on-failure})
 * or any other service manager starts a fresh one. Halting rather than exiting: shutdown hooks could hang on a
 * broken heap, and a half-working server is worse than a restart.
 */
final class ExitOnFatalError implements OnFatalError {
    /** EX_SOFTWARE: an internal error. */
    static final int STATUS = 70;
    private static final Logger LOG = LoggerFactory.getLogger(ExitOnFatalError.class);

    @Override
    public void fatal(String where, Throwable cause) {
        try {
            LOG.error("fatal: {} failed ({}); ending bootproxy with exit status {} so that its service manager restarts it",
                    where, cause, STATUS);
        } catch (Throwable logging) {
            System.err.println("bootproxy: fatal: " + where + " failed; exit status " + STATUS);
        }
        Runtime.getRuntime().halt(STATUS);
    }

    /** Makes an Error that kills any thread of the process (TFTP, timers, clients) fatal too; set once, by serve. */
    void watchAllThreads() {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (OnFatalError.in(e).isPresent()) {
                fatal("thread " + thread.getName(), e);
            } else {
                LOG.error("thread {} ended by an uncaught exception", thread.getName(), e);
            }
        });
    }
}
