package org.bootproxy.http;

import io.javalin.http.Context;
import org.bootproxy.support.OneLine;

/** Plain-text answers: one line, UTF-8, never HTML. */
final class Text {
    static final String PLAIN = "text/plain; charset=utf-8";

    private Text() {
    }

    /** Answers {@code status} with {@code line} and a newline. */
    static void answer(Context ctx, int status, String line) {
        ctx.status(status).contentType(PLAIN).result(oneLine(line, 2000) + "\n");
    }

    /** {@code s} as one line of at most {@code max} chars ({@link OneLine}): what HTTP puts in bodies and logs. */
    static String oneLine(String s, int max) {
        return OneLine.of(s, max);
    }
}
