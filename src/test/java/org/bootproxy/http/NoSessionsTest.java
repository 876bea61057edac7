package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.support.Route;
import org.junit.jupiter.api.Test;

/** bootproxy keeps no HTTP sessions: Javalin's session handler is replaced by {@link NoSessions}. */
class NoSessionsTest {

    @Test
    void aSessionCookieIsIgnoredAndNoAnswerSetsOne() throws Exception {
        try (HttpFixture app = new HttpFixture(new FixedInventory(WEB01))) {
            var plain = app.get("/unattended/iPXE?mac=" + WEB01_MAC);
            var withCookie = app.get("/unattended/iPXE?mac=" + WEB01_MAC, "Cookie", "JSESSIONID=node0abc123.node0");
            assertThat(withCookie.statusCode()).isEqualTo(200);
            assertThat(withCookie.body()).isEqualTo(plain.body());
            assertThat(withCookie.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(plain.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void codeThatAsksForASessionGetsAnErrorNotASession() throws Exception {
        Route<Handler> asks = Route.get("/asks-for-a-session", Route.UNRECORDED, Route.Style.PLAIN,
                ctx -> ctx.result("session " + ctx.req().getSession(true).getId()));
        Route<Handler> looks = Route.get("/looks-for-a-session", Route.UNRECORDED, Route.Style.PLAIN,
                ctx -> ctx.result("session " + ctx.req().getSession(false) + " " + ctx.req().getRequestedSessionId()));
        try (HttpFixture app = new HttpFixture(new FixedInventory(WEB01), new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().build(), new HttpExtensions(List.of(asks, looks), Optional.empty()))) {
            var created = app.get("/asks-for-a-session");
            assertThat(created.statusCode()).isEqualTo(500);
            assertThat(created.headers().firstValue("Set-Cookie")).isEmpty();
            assertThat(created.body()).doesNotContain("session node");

            var looked = app.get("/looks-for-a-session", "Cookie", "JSESSIONID=node0abc123.node0");
            assertThat(looked.statusCode()).isEqualTo(200);
            assertThat(looked.body()).isEqualTo("session null null");
        }
    }
}
