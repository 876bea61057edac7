package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;
import org.junit.jupiter.api.Test;

class RouteOrderTest {

    private static Route<String> get(String path) {
        return Route.get(path, Route.UNRECORDED, Style.PLAIN, path);
    }

    @Test
    void pathsThatNoRequestCanMatchBothAreTold() {
        // a path, another, and whether one request path can match both
        Object[][] pairs = {
            {"/unattended/{kind}", "/unattended/built", true},
            {"/unattended/{kind}", "/unattended/templateServer", true},
            {"/unattended/{kind}", "/unattended/{kind}/{template}", false},
            {"/unattended/{kind}", "/unattended/built/{id}", false},
            {"/unattended/{kind}", "/healthz", false},
            {"/unattended/{kind}", "/ui/mac/{mac}", false},
            {"/unattended/{kind}", "/pub/<path>", false},
            {"/unattended/{kind}", "/{a}/<path>", true},
            {"/unattended/{kind}", "/unattended/<path>", true},
            {"/unattended/{kind}", "/unattended/*", true},
            {"/unattended/{kind}", "/{a}/{b}", true},
            {"/unattended/{kind}", "/unattended/grub.cfg-{mac}", true},
            {"/unattended/{kind}/", "/unattended/x", true}, // a trailing slash is no segment
            {"/a", "/a/<path>", true},
            {"/a", "/a/{b}", false},
        };
        for (Object[] p : pairs) {
            assertThat(RouteOrder.mayShareAPath((String) p[0], (String) p[1])).as("%s %s", p[0], p[1]).isEqualTo(p[2]);
            assertThat(RouteOrder.mayShareAPath((String) p[1], (String) p[0])).as("%s %s", p[1], p[0]).isEqualTo(p[2]);
        }
    }

    @Test
    void theAnsweredRouteComesFirstBehindOnlyTheRoutesThatCouldTakeItsPaths() {
        Route<String> idBuilt = get("/unattended/built/{id}");
        Route<String> features = get("/features");
        Route<String> templateServer = get("/unattended/templateServer");
        Route<String> forward = get("/unattended/{kind}/{template}");
        Route<String> healthz = get("/healthz");
        Route<String> built = get("/unattended/built");
        Route<String> kinds = get("/unattended/{kind}");
        Route<String> postBuilt = Route.post("/unattended/{kind}", Route.UNRECORDED, Style.PLAIN, "post");
        Route<String> pub = get("/pub/<path>");
        List<Route<String>> table = List.of(postBuilt, idBuilt, features, templateServer, forward, healthz, built, kinds, pub);

        assertThat(RouteOrder.hotFirst(table, Set.of(kinds)))
                .containsExactly(templateServer, built, kinds, postBuilt, idBuilt, features, forward, healthz, pub);
        assertThat(RouteOrder.hotFirst(table, Set.of())).as("nothing hot: the table's order").isEqualTo(table);
    }

    @Test
    void whatMustStayAheadOfARouteThatMustStayAheadComesAlong() {
        Route<String> any = get("/{a}/templateServer");
        Route<String> templateServer = get("/unattended/templateServer");
        Route<String> other = get("/ui/");
        Route<String> kinds = get("/unattended/{kind}");
        assertThat(RouteOrder.hotFirst(List.of(any, other, templateServer, kinds), Set.of(kinds)))
                .containsExactly(any, templateServer, kinds, other);
    }
}
