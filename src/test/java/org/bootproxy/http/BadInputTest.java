package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.http.Answers.assertNoLeak;
import static org.bootproxy.http.Answers.assertOneLineText;
import static org.bootproxy.http.HttpFixture.RETRY_SECONDS;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.FullDiskBuildStates;
import org.bootproxy.fakes.MemoryBuildStates;
import org.junit.jupiter.api.Test;

/**
 * Finding 10 and the rest of what a client can get wrong in a body: a broken chunk is the client's 400 (it was a
 * 500 and a stack trace), a body too large or too slow is refused with the connection closed, and a disk that cannot
 * take the report is a 503 to retry later (it was a 500 "internal error").
 */
class BadInputTest {

    private static HttpFixture server(HttpLimits limits) {
        return new HttpFixture(new FixedInventory(WEB01), new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().limits(limits).build(), HttpExtensions.NONE);
    }

    private static String post(String head) {
        return "POST /unattended/failed?mac=" + WEB01_MAC + " HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n" + head;
    }

    @Test
    void aBrokenChunkInAFailureReportIsTheClientsBadRequest() throws Exception {
        try (HttpFixture app = server(HttpLimits.DEFAULTS)) {
            String answer = app.raw(post("Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\nzz\r\nworld\r\n0\r\n\r\n"));
            assertThat(answer).startsWith("HTTP/1.1 400 ").contains("Connection: close")
                    .contains("the request body could not be read");
            assertNoLeak(answer);
        }
    }

    @Test
    void aChunkedReportOverTheBoundIsRefusedAsItArrives() throws Exception {
        try (HttpFixture app = server(HttpLimits.DEFAULTS)) {
            StringBuilder request = new StringBuilder(post("Transfer-Encoding: chunked\r\n\r\n"));
            String chunk = "x".repeat(64 * 1024);
            for (int i = 0; i < 20; i++) {
                request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
            }
            request.append("0\r\n\r\n");
            String answer = app.raw(request.toString());
            assertThat(answer).startsWith("HTTP/1.1 413 ").contains("send at most 1048576 bytes");
        }
    }

    @Test
    void aReportStillArrivingAtTheDeadlineIsATimeoutAndCostsNoMore() throws Exception {
        try (HttpFixture app = server(HttpLimits.DEFAULTS.withBodies(4, Duration.ofSeconds(1)));
             Socket s = new Socket("127.0.0.1", app.server.port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(post("Content-Length: 1000000\r\n\r\nfirst bytes").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            long start = System.nanoTime();
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(answer).startsWith("HTTP/1.1 408 ").contains("Connection: close")
                    .contains("request body not received within 1 s");
            assertThat(ms).as("answered and closed at the deadline").isBetween(500L, 8000L);
        }
    }

    @Test
    void aReportTheDiskCannotTakeIsToBeSentAgainLater() throws Exception {
        try (HttpFixture app = new HttpFixture(new FixedInventory(WEB01), new EchoRenderer(), new FullDiskBuildStates(),
                HttpSettingsBuilder.loopback().build(), HttpExtensions.NONE)) {
            var failed = app.post("/unattended/failed?mac=" + WEB01_MAC, "anaconda: no disk");
            assertOneLineText(failed, 503);
            assertThat(failed.headers().firstValue("Retry-After")).contains(String.valueOf(RETRY_SECONDS));
            assertThat(failed.body()).contains("build state not recorded").doesNotContain("/var/lib");
            var built = app.get("/unattended/built?mac=" + WEB01_MAC);
            assertOneLineText(built, 503);
            assertThat(built.headers().firstValue("Retry-After")).contains(String.valueOf(RETRY_SECONDS));
        }
    }

    @Test
    void connectIsRefusedAndTheConnectionClosedAtOnce() throws Exception {
        try (HttpFixture app = server(HttpLimits.DEFAULTS)) {
            for (String request : new String[] {
                "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\nConnection: close\r\n\r\n",
                "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"}) {
                long start = System.nanoTime();
                String answer = app.raw(request); // reads until the server closes
                long ms = (System.nanoTime() - start) / 1_000_000;
                assertThat(answer).startsWith("HTTP/1.1 405 ").contains("Connection: close").contains("not a proxy");
                assertThat(ms).as("closed at once, not at the idle timeout (30 s)").isLessThan(5000);
            }
        }
    }
}
