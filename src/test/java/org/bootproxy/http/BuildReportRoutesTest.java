package org.bootproxy.http;

import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.BrokenInventory;
import org.bootproxy.fakes.FixedInventory;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.http.Answers.assertOneLineText;
import static org.bootproxy.fakes.Hosts.DB01;
import static org.bootproxy.fakes.Hosts.DB01_MAC;
import static org.bootproxy.fakes.Hosts.UNKNOWN_MAC;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bootproxy.boot.BuildState;
import org.junit.jupiter.api.Test;

/**
 * built / failed through real HTTP. A restart is played by a second server sharing the first one's build
 * state store (the durable file store is tested with its own package).
 */
class BuildReportRoutesTest {

    private static HttpFixture serverWith(MemoryBuildStates states) {
        return new HttpFixture(new FixedInventory(WEB01, DB01), new EchoRenderer(), states, HttpSettingsBuilder.loopback().build(),
                HttpExtensions.NONE);
    }

    @Test
    void builtIsRecordedAndTheNextRequestsBootLocally() throws Exception {
        var states = new MemoryBuildStates();
        try (var app = serverWith(states)) {
            var built = app.get("/unattended/built?token=tok-web01");
            assertOneLineText(built, 201);
            assertThat(built.body()).contains("web01.example.com recorded as built");
            assertThat(states.get("web01.example.com")).map(BuildState::status).contains(BuildState.Status.BUILT);

            assertOneLineText(app.get("/unattended/provision?mac=" + WEB01_MAC), 405);
            assertThat(app.get("/unattended/iPXE?mac=" + WEB01_MAC).body()).contains("template=ipxe/localboot");
        }
    }

    @Test
    void builtSurvivesARestart() throws Exception {
        var states = new MemoryBuildStates();
        try (var before = serverWith(states)) {
            assertThat(before.post("/unattended/built?mac=" + WEB01_MAC, "").statusCode()).isEqualTo(201);
        }
        try (var after = serverWith(states)) {
            assertThat(after.get("/unattended/iPXE?mac=" + WEB01_MAC).body()).contains("template=ipxe/localboot host=web01.example.com");
            assertOneLineText(after.get("/unattended/provision?mac=" + WEB01_MAC), 405);
        }
    }

    @Test
    void failedKeepsTheReportAndSurvivesARestart() throws Exception {
        var states = new MemoryBuildStates();
        String report = "anaconda: no disk found\nline two ✓\n";
        try (var before = serverWith(states)) {
            var r = before.post("/unattended/failed?token=tok-web01", report, "Content-Type", "text/plain");
            assertOneLineText(r, 201);
            assertThat(r.body()).contains("recorded as failed");
        }
        assertThat(states.get("web01.example.com")).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(BuildState.Status.FAILED);
            assertThat(s.report()).isEqualTo(report);
        });
        try (var after = serverWith(states)) {
            assertThat(after.get("/unattended/iPXE?mac=" + WEB01_MAC).body()).contains("template=ipxe/localboot");
        }
    }

    @Test
    void longFailureReportIsCutAt64KiB() throws Exception {
        var states = new MemoryBuildStates();
        byte[] body = new byte[200 * 1024];
        Arrays.fill(body, (byte) 'x');
        try (var app = serverWith(states)) {
            assertThat(app.post("/unattended/failed?mac=" + WEB01_MAC, body).statusCode()).isEqualTo(201);
        }
        assertThat(states.get("web01.example.com").orElseThrow().report().getBytes(StandardCharsets.UTF_8))
                .hasSize(BuildState.MAX_REPORT_BYTES);
    }

    @Test
    void failureReportOverOneMebibyteIsRefused() throws Exception {
        var states = new MemoryBuildStates();
        try (var app = serverWith(states)) {
            var r = app.post("/unattended/failed?mac=" + WEB01_MAC, new byte[(int) HttpLimits.DEFAULTS.maxBodyBytes() + 1]);
            assertOneLineText(r, 413);
        }
        assertThat(states.get("web01.example.com")).isEmpty();
    }

    @Test
    void failedNeedsAPost() throws Exception {
        try (var app = serverWith(new MemoryBuildStates())) {
            var r = app.get("/unattended/failed?mac=" + WEB01_MAC);
            assertOneLineText(r, 405);
            assertThat(r.headers().firstValue("Allow")).contains("POST");
        }
    }

    @Test
    void headDoesNotReportABuild() throws Exception {
        var states = new MemoryBuildStates();
        try (var app = serverWith(states)) {
            app.head("/unattended/built?mac=" + WEB01_MAC);
        }
        assertThat(states.get("web01.example.com")).isEmpty();
    }

    /**
     * theforeman/foreman {@code app/controllers/unattended_controller.rb}: {@code built} and {@code failed} answer
     * {@code head(:method_not_allowed) unless allowed_to_install?}, i.e. 405 for a host not in build.
     */
    @Test
    void builtForAHostNotInBuildIsMethodNotAllowedAsInForeman() throws Exception {
        try (var app = serverWith(new MemoryBuildStates())) {
            var r = app.get("/unattended/built?mac=" + DB01_MAC);
            assertOneLineText(r, 405);
            assertThat(r.body()).contains("db01.example.com");
            assertOneLineText(app.post("/unattended/failed?mac=" + DB01_MAC, "log"), 405);
        }
    }

    @Test
    void builtTwiceIsMethodNotAllowedTheSecondTime() throws Exception {
        try (var app = serverWith(new MemoryBuildStates())) {
            assertThat(app.get("/unattended/built?mac=" + WEB01_MAC).statusCode()).isEqualTo(201);
            assertOneLineText(app.get("/unattended/built?mac=" + WEB01_MAC), 405);
        }
    }

    /**
     * theforeman/foreman {@code config/routes.rb}: {@code get|post 'unattended/built/(:id(:format))'} and
     * {@code post 'unattended/failed/(:id(:format))'}; the id takes no part in finding the host
     * ({@code app/services/foreman/unattended_installation/host_finder.rb} reads spoof, hostname, token, ip, mac_list).
     */
    @Test
    void theReportsPathFormsWithAnIdAreRouted() throws Exception {
        var states = new MemoryBuildStates();
        try (var app = serverWith(states)) {
            assertOneLineText(app.post("/unattended/built/42?token=tok-web01", ""), 201);
            assertThat(states.get("web01.example.com")).map(BuildState::status).contains(BuildState.Status.BUILT);
        }
        var failed = new MemoryBuildStates();
        try (var app = serverWith(failed)) {
            assertOneLineText(app.post("/unattended/failed/web01.txt?mac=" + WEB01_MAC, "no disk"), 201);
            assertThat(failed.get("web01.example.com")).map(BuildState::report).contains("no disk");
            assertOneLineText(app.get("/unattended/built/42?mac=" + UNKNOWN_MAC), 404);
            assertOneLineText(app.get("/unattended/failed/42?mac=" + WEB01_MAC), 405);
        }
    }

    @Test
    void builtForAnUnknownHostIsNotFound() throws Exception {
        try (var app = serverWith(new MemoryBuildStates())) {
            assertOneLineText(app.get("/unattended/built?mac=" + UNKNOWN_MAC), 404);
            assertOneLineText(app.post("/unattended/failed?token=nope", "log"), 404);
        }
    }

    @Test
    void builtWhileUpstreamIsDownAsksToRetry() throws Exception {
        try (var app = new HttpFixture(new BrokenInventory())) {
            var r = app.get("/unattended/built?mac=" + WEB01_MAC);
            assertOneLineText(r, 503);
            assertThat(r.headers().firstValue("Retry-After")).contains(String.valueOf(HttpFixture.RETRY_SECONDS));
        }
    }

    @Test
    void reportsAreRecordedAsBootEvents() throws Exception {
        try (var app = serverWith(new MemoryBuildStates())) {
            app.get("/unattended/built?mac=" + WEB01_MAC);
            var answered = app.events.await(e -> e.stage().equals("built") && e.outcome().equals("201"));
            assertThat(answered.mac()).isEqualTo(WEB01_MAC.colons());
            assertThat(answered.fields()).containsEntry("host", "web01.example.com");
        }
    }
}
