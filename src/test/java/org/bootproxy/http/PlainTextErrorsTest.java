package org.bootproxy.http;

import org.bootproxy.fakes.FixedInventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.http.Answers.assertNoLeak;
import static org.bootproxy.http.Answers.assertOneLineText;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever goes wrong, and wherever (routes, Javalin, Jetty), the answer is one line of text. */
class PlainTextErrorsTest {
    private HttpFixture app;

    @BeforeEach
    void start() {
        app = new HttpFixture(new FixedInventory(WEB01));
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void healthCheckSaysOk() throws Exception {
        var r = app.get("/healthz");
        assertOneLineText(r, 200);
        assertThat(r.body()).isEqualTo("ok\n");
    }

    @Test
    void unknownPathIsNotFoundAsTextEvenForABrowser() throws Exception {
        var r = app.get("/index.html", "Accept", "text/html,application/xhtml+xml");
        assertOneLineText(r, 404);
        assertThat(r.body()).contains("/index.html").contains("/unattended/<kind>");
        assertOneLineText(app.get("/unattended", "Accept", "application/json"), 404);
    }

    @Test
    void unknownMethodIsNotFoundAsText() throws Exception {
        var r = app.post("/healthz", "x", "Accept", "text/html");
        assertOneLineText(r, 404);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET /unattended/%zz HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
        "GET /unattended/provision?mac=%zz HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
        "GET /pub/%00 HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\nConnection: close\r\n\r\n",
        "HELLO\r\n\r\n"})
    void malformedRequestIsABadRequestAsText(String request) throws Exception {
        String answer = app.raw(request);
        assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Content-Type: text/plain");
        assertNoLeak(answer);
    }

    @Test
    void oversizedHeadersGetTextToo() throws Exception {
        String answer = app.raw("GET /healthz HTTP/1.1\r\nHost: t\r\nAccept: text/html\r\nX-Big: " + "a".repeat(64 * 1024)
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 431 ").contains("Content-Type: text/plain");
        assertNoLeak(answer);
    }

    @Test
    void noAnswerEverCarriesAStackTraceOrHtml() throws Exception {
        for (String path : new String[] {"/unattended/iPXE?mac=zz", "/unattended/nope", "/unattended/provision?mac=zz",
                "/unattended/provision", "/unattended/built", "/userdata/zz/user-data", "/pub/x", "/favicon.ico",
                "/unattended/provision?template=%2e%2e/x&mac=" + WEB01_MAC, "/unattended/iPXE?unknown=1&macs=%00"}) {
            var r = app.get(path, "Accept", "text/html");
            assertThat(r.statusCode()).as(path).isBetween(200, 499);
            assertNoLeak(r.body());
        }
    }
}
