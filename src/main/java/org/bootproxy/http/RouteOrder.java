package org.bootproxy.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bootproxy.support.Route;

/**
 * The order routes are registered in, and so matched in: Javalin tries a request's method's routes one after another,
 * a regular expression each, until one matches (a dozen and more before {@code /unattended/{kind}} when every module
 * is on; each try a new matcher). The answered routes come first, with only the routes that could take one of their
 * paths ahead of them, so every path is matched by the same route as in the table's own order: a route moves ahead of
 * another only when no request path can match both ({@link #mayShareAPath}).
 */
final class RouteOrder {
    private RouteOrder() {
    }

    /**
     * {@code table} reordered: {@code hot} routes, and the routes they must stay behind, first (in table order), then
     * the rest in table order.
     */
    static <H> List<Route<H>> hotFirst(List<Route<H>> table, Set<Route<H>> hot) {
        int n = table.size();
        // before[j][i]: route i (i < j) must stay ahead of route j
        boolean[] needed = new boolean[n];
        for (int j = n - 1; j >= 0; j--) {
            if (hot.contains(table.get(j))) {
                needed[j] = true;
            }
            if (needed[j]) {
                for (int i = 0; i < j; i++) {
                    if (conflict(table.get(i), table.get(j))) {
                        needed[i] = true;
                    }
                }
            }
        }
        List<Route<H>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (needed[i]) {
                out.add(table.get(i));
            }
        }
        for (int i = 0; i < n; i++) {
            if (!needed[i]) {
                out.add(table.get(i));
            }
        }
        return out;
    }

    /** Whether the order of {@code a} and {@code b} decides which answers some request. */
    private static boolean conflict(Route<?> a, Route<?> b) {
        return a.method() == b.method() && mayShareAPath(a.path(), b.path());
    }

    /**
     * Whether some request path may match both Javalin paths. Exact where it is simple (literal segments that differ,
     * a different number of segments of literals and {@code {param}}s), "may" otherwise: a segment with {@code <...>}
     * or {@code *} matches any rest of the path, one with a {@code {param}} in it any one segment.
     */
    static boolean mayShareAPath(String a, String b) {
        List<String> x = segments(a);
        List<String> y = segments(b);
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
            String s = x.get(i);
            String t = y.get(i);
            if (anyRest(s) || anyRest(t)) {
                return true;
            }
            if (!oneAny(s) && !oneAny(t) && !s.equals(t)) {
                return false;
            }
        }
        if (x.size() == y.size()) {
            return true;
        }
        // the longer one's next segment could match nothing but a rest of the path
        List<String> longer = x.size() > y.size() ? x : y;
        return anyRest(longer.get(Math.min(x.size(), y.size())));
    }

    private static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    private static boolean anyRest(String segment) {
        return segment.indexOf('<') >= 0 || segment.indexOf('*') >= 0;
    }

    private static boolean oneAny(String segment) {
        return segment.indexOf('{') >= 0;
    }
}
