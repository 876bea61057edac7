package org.bootproxy.http;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bootproxy.support.Causes;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetty's answer to requests that never reach the routes (bad percent-encoding, a request line that is
 * not HTTP, headers too large): one line of text like every other error, instead of Jetty's HTML page.
 */
final class TextErrorHandler extends ErrorHandler {

    private static final Logger log = LoggerFactory.getLogger("http");

    @Override
    protected boolean generateAcceptableResponse(Request request, Response response, Callback callback, String contentType,
                                                 List<Charset> charsets, int code, String message, Throwable cause) {
        String path = Text.oneLine(request.getHttpURI().getPath(), 200);
        if (Causes.first(cause, EofException.class).isPresent()) {
            // Jetty ends a request this way when its connection is gone while it waits (bootproxy stopping): no
            // parser was involved, and the answer below goes nowhere
            log.info("{} ended before it was answered: its connection was closed ({}) client={}", path,
                    Text.oneLine(String.valueOf(cause), 200), Request.getRemoteAddr(request));
        } else {
            log.info("{} {} rejected by the HTTP parser: {} client={}", code, path, Text.oneLine(message, 200),
                    Request.getRemoteAddr(request));
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Text.PLAIN);
        response.write(true, ByteBuffer.wrap(line(code, message).getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    private static String line(int code, String message) {
        String reason = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
        return code + " " + Text.oneLine(reason, 200) + " (bootproxy could not read this HTTP request)\n";
    }
}
