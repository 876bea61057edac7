package org.bootproxy.support;

import java.util.Optional;

/**
 * What to do when a server meets a failure the process cannot be trusted to survive: an {@link Error} such as
 * {@link OutOfMemoryError} in an HTTP handler, a Jetty thread or a TFTP transfer, or an HTTP acceptor that stopped
 * accepting connections while the server runs (HTTP would be dead while the process lives on, so no service manager
 * would restart it). The composition root ends the process with a non-zero exit status; tests record the call.
 * Shared by the HTTP and TFTP adapters, so that both draw the line between fatal and one request's bug alike.
 */
@FunctionalInterface
public interface OnFatalError {

    /**
     * @param where what failed, for the one log line ("HTTP acceptor", "HTTP thread pool job", …)
     * @param cause the error, or what stopped the acceptor
     */
    void fatal(String where, Throwable cause);

    /**
     * The fatal error among {@code t} and its causes: the JVM out of memory or broken ({@link VirtualMachineError}),
     * or classes that cannot be loaded any more ({@link LinkageError}: the jar replaced under a running process).
     * Not a {@link StackOverflowError}, which unwinds the one request that ran too deep and leaves the process
     * sound, nor an {@link AssertionError} or other error of one request's code: those are answered as bugs (HTTP 500,
     * TFTP ERROR 0).
     */
    static Optional<Error> in(Throwable t) {
        return Causes.first(t, Error.class, c -> (c instanceof VirtualMachineError && !(c instanceof StackOverflowError))
                || c instanceof LinkageError);
    }
}
