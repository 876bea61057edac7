package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.bootproxy.support.OneLine;

/** Plain-text answers: one line, UTF-8, never HTML. */
final class Text {
    static final String PLAIN = "text/plain; charset=utf-8";

    private Text() {
    }

    /** Answers {@code status} with {@code line} and a newline. */
    static void answer(Context ctx, int status, String line) {
        send(ctx, status, PLAIN, oneLine(line, 2000) + "\n");
    }

    /**
     * Answers {@code status} with {@code body}, written straight into the response. Javalin's {@code result()} would
     * copy it through a fresh 32 KiB buffer, the largest allocation of an answer that is a few KiB.
     */
    static void send(Context ctx, int status, String contentType, String body) {
        send(ctx, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code status} with {@code bytes}, which are only read. */
    static void send(Context ctx, int status, String contentType, byte[] bytes) {
        ctx.status(status);
        if (!sameType(contentType, ctx.res().getContentType())) {
            ctx.contentType(contentType); // Javalin set the default (plain text) already: Jetty parses each one set
        }
        ctx.res().setContentLength(bytes.length);
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            throw new ClientGone(e); // the request ends, as with any write failure
        }
    }

    /**
     * The same content type as Jetty reports it back: it keeps a known type in its own spelling
     * ({@code text/plain;charset=utf-8}), so spaces and case do not count.
     */
    static boolean sameType(String wanted, String current) {
        if (current == null) {
            return false;
        }
        int i = 0;
        int j = 0;
        while (true) {
            while (i < wanted.length() && wanted.charAt(i) == ' ') {
                i++;
            }
            while (j < current.length() && current.charAt(j) == ' ') {
                j++;
            }
            if (i == wanted.length() || j == current.length()) {
                return i == wanted.length() && j == current.length();
            }
            if (Character.toLowerCase(wanted.charAt(i)) != Character.toLowerCase(current.charAt(j))) {
                return false;
            }
            i++;
            j++;
        }
    }

    /** Writing an answer failed: the client closed the connection (or bootproxy is stopping and Jetty closed it). */
    static final class ClientGone extends UncheckedIOException {
        ClientGone(IOException cause) {
            super(cause);
        }
    }

    /** {@code s} as one line of at most {@code max} chars ({@link OneLine}): what HTTP puts in bodies and logs. */
    static String oneLine(String s, int max) {
        return OneLine.of(s, max);
    }
}
