package org.bootproxy.http;

import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.ee10.servlet.SessionHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.session.AbstractSessionManager.RequestedSession;
import org.eclipse.jetty.session.ManagedSession;
import org.eclipse.jetty.util.Callback;

/**
 * In place of the servlet session handler Javalin installs: bootproxy keeps no sessions, and Jetty's handler cost
 * every request a cookie parse, a wrapper around its stream and two calls into the context when the answer is sent
 * and ends (BENCHMARKS.md, "After the wire cut"). This one passes the request on with no session asked for; a
 * session cookie a client sends is ignored, as before (no session ever existed for it to name). Code that asks for a
 * new session gets an {@link IllegalStateException} saying there are none, never one that would live on.
 */
final class NoSessions extends SessionHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Handler next = getHandler();
        if (next == null) {
            return false;
        }
        ServletContextRequest servlet = Request.as(request, ServletContextRequest.class);
        if (servlet != null) {
            servlet.setRequestedSession(RequestedSession.NO_REQUESTED_SESSION);
        }
        return next.handle(request, response, callback);
    }

    @Override
    public void newSession(Request request, String requestedSessionId, Consumer<ManagedSession> consumer) {
        throw new IllegalStateException("bootproxy keeps no HTTP sessions");
    }
}
