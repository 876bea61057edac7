package org.bootproxy.http;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code CONNECT} is a proxy's method, and bootproxy is no proxy: 405 in one line and the connection closed at once.
 * Past the routes, Jetty keeps a CONNECT connection open for a tunnel until the idle timeout, whatever the client
 * asked, so it is refused here, in front of them.
 */
final class RefuseConnect extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger("http");
    private static final String ANSWER = "405 bootproxy is not a proxy: CONNECT is not served\n";

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.CONNECT.is(request.getMethod())) {
            return super.handle(request, response, callback);
        }
        log.info("CONNECT {} refused client={}", Text.oneLine(request.getHttpURI().getAuthority(), 200),
                Request.getRemoteAddr(request));
        response.setStatus(405);
        response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST, DELETE");
        response.getHeaders().put(HttpHeader.CONNECTION, "close");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Text.PLAIN);
        response.write(true, StandardCharsets.UTF_8.encode(ANSWER), callback);
        return true;
    }
}
