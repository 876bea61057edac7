package org.bootproxy.http;

import org.bootproxy.support.OnFatalError;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A listening socket whose acceptor may not die quietly. Jetty logs a failed accept, sleeps a second and goes on;
 * this ends the process through {@link OnFatalError} when the failure is an {@link Error} (out of memory: the next
 * accept would fail the same way) or when Jetty gives up accepting while the server still runs. Not final: a test
 * injects a failing accept.
 */
class GuardedConnector extends ServerConnector {
    private final OnFatalError onFatal;

    GuardedConnector(Server server, OnFatalError onFatal, ConnectionFactory... factories) {
        super(server, factories);
        this.onFatal = onFatal;
    }

    @Override
    protected boolean handleAcceptFailure(Throwable failure) {
        var fatal = OnFatalError.in(failure);
        if (fatal.isPresent()) {
            onFatal.fatal("HTTP acceptor on " + getHost() + ":" + getPort(), fatal.get());
            return false;
        }
        boolean goOn = super.handleAcceptFailure(failure);
        if (!goOn && isRunning()) {
            onFatal.fatal("HTTP acceptor on " + getHost() + ":" + getPort() + " stopped accepting", failure);
        }
        return goOn;
    }
}
