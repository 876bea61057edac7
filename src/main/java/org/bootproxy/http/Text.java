package org.bootproxy.http;

import io.javalin.http.Context;

/** Plain-text answers: one line, UTF-8, never HTML. */
final class Text {
    static final String PLAIN = "text/plain; charset=utf-8";

    private Text() {
    }

    /** Answers {@code status} with {@code line} and a newline. */
    static void answer(Context ctx, int status, String line) {
        ctx.status(status).contentType(PLAIN).result(oneLine(line, 2000) + "\n");
    }

    /** {@code s} without control characters (a log line or body stays one line), cut at {@code max} chars. */
    static String oneLine(String s, int max) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\p{Cntrl}+", " ").trim();
        return t.length() > max ? t.substring(0, max) + "…" : t;
    }
}
