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
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/unattended/built")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/unattended/templateServer")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/unattended/{kind}/{template}")).isFalse();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/unattended/built/{id}")).isFalse();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/healthz")).isFalse();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/ui/mac/{mac}")).isFalse();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/pub/<path>")).isFalse();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/{a}/<path>")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/unattended/<path>")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/unattended/*")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/{a}/{b}")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}", "/unattended/grub.cfg-{mac}")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/unattended/{kind}/", "/unattended/x")).as("a trailing slash is no segment").isTrue();
        assertThat(RouteOrder.mayShareAPath("/a", "/a/<path>")).isTrue();
        assertThat(RouteOrder.mayShareAPath("/a", "/a/{b}")).isFalse();
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
