package org.bootproxy.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The answer to iPXE when bootproxy cannot answer yet (inventory down, template broken): a 200 script
 * that prints the reason on the machine's console, sleeps, and asks for the same URL again with
 * {@code retry=N+1}. A 200 is used rather than a 503 because iPXE throws away the body of any non-2xx
 * answer, and the operator standing at the console needs the reason.
 *
 * <p>Built in code, not from a template, so that a broken template cannot break the retry answer.
 * {@code chain --replace} (in iPXE since well before Debian's 2019 package) ends this script instead
 * of nesting one more script per retry; if the next fetch fails, the caller's {@code || goto} still runs.
 */
final class IpxeRetryScript {
    /** Longest reason printed; a console line wraps, a screenful scrolls the reason away. */
    private static final int MAX_REASON = 300;

    private IpxeRetryScript() {
    }

    /**
     * @param reason       why, in words an operator understands (any text: it is made safe for {@code echo})
     * @param retrySeconds how long iPXE waits before asking again
     * @param target       the last path segment of the request ({@code iPXE})
     * @param query        the request's query parameters (in order), without escaping
     */
    static String build(String reason, int retrySeconds, String target, List<Map.Entry<String, String>> query) {
        int attempt = retryCount(query) + 1;
        return "#!ipxe\n"
                + "echo bootproxy cannot answer yet: " + echoSafe(reason) + "\n"
                + "echo retry " + attempt + " in " + retrySeconds + " s (Ctrl-C for the iPXE shell)\n"
                + "sleep " + retrySeconds + " || shell\n"
                + "chain --replace " + retryUrl(target, query, attempt) + "\n";
    }

    /**
     * {@code reason} made safe for one iPXE {@code echo} line: iPXE expands {@code ${…}} settings and treats
     * {@code ||}, {@code &&} and {@code #} as script syntax, so only plain printable ASCII survives;
     * everything else becomes {@code _}, line breaks become spaces.
     */
    static String echoSafe(String reason) {
        String r = Text.oneLine(reason, MAX_REASON);
        StringBuilder sb = new StringBuilder(r.length());
        for (char c : r.toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || " .,:/_-+=()[]<>'@%!?*~^".indexOf(c) >= 0;
            sb.append(plain ? c : c == '"' ? '\'' : '_');
        }
        return sb.toString();
    }

    /** Relative to the script's own URL (iPXE resolves it so), so it works behind any prefix or host name. */
    static String retryUrl(String target, List<Map.Entry<String, String>> query, int attempt) {
        StringJoiner q = new StringJoiner("&", encode(target) + "?", "");
        for (Map.Entry<String, String> e : query) {
            if (!e.getKey().equals("retry")) {
                q.add(encode(e.getKey()) + "=" + encode(e.getValue()));
            }
        }
        q.add("retry=" + attempt);
        return q.toString();
    }

    private static int retryCount(List<Map.Entry<String, String>> query) {
        for (Map.Entry<String, String> e : query) {
            if (e.getKey().equals("retry") && e.getValue().matches("\\d{1,6}")) {
                return Integer.parseInt(e.getValue());
            }
        }
        return 0;
    }

    /** Percent-encodes everything but unreserved characters: no {@code $}, space or {@code &} reaches iPXE raw. */
    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
