package org.bootproxy.cli;

import org.bootproxy.support.OnFatalError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s answer to an error the process should not survive (out of memory, a dead HTTP acceptor): one
 * line on stderr, then the process ends at once with exit status {@value #STATUS}, so that systemd
 * ({@code Restart=on-failure}) or any other service manager starts a fresh one. Halting rather than exiting: shutdown
 * hooks could hang on a broken heap, and a half-working server is worse than a restart. The line goes to stderr
 * directly, like Main's configuration errors: a logger may buffer it, and nothing is flushed after a halt.
 */
final class ExitOnFatalError implements OnFatalError {
    /** EX_SOFTWARE: an internal error. */
    static final int STATUS = 70;
    private static final Logger LOG = LoggerFactory.getLogger(ExitOnFatalError.class);

    @Override
    public void fatal(String where, Throwable cause) {
        try {
            System.err.println("bootproxy: fatal: " + where + " failed (" + cause + "); ending with exit status " + STATUS
                    + " so that its service manager starts it again");
            System.err.flush();
        } finally {
            Runtime.getRuntime().halt(STATUS);
        }
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
