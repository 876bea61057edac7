package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.http.HttpFixture.RETRY_SECONDS;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import io.javalin.http.Handler;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.smartproxy.ModuleStates;
import org.bootproxy.smartproxy.SmartProxy;
import org.bootproxy.smartproxy.SmartProxySettings;
import org.bootproxy.smartproxy.TrustedHosts;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HttpServer is the only route table (DESIGN rule 4): every route, bootproxy's own and the smart-proxy and ops
 * modules', is declared there once with its boot-timeline stage and its error style, and the server registers
 * nothing else. A handler no longer names its own stage and style, so none can forget to. (The table as `serve`
 * composes it, with every module: cli/ServedRouteTableTest; that no other class can register a route:
 * ArchitectureTest.onlyTheRouteTableRegistersRoutes.)
 */
class RouteTableTest {
    @TempDir
    Path tftpRoot;

    private HttpFixture app;
    private SmartProxy proxy;
    private int moduleRoutes;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
            proxy.close();
        }
    }

    /** The server as `serve` composes it: bootproxy's routes, then the smart-proxy and ops modules'. */
    private void startAsServeDoes() {
        proxy = new SmartProxy(new SmartProxySettings(tftpRoot, "", URI.create("http://192.0.2.1:8000"), Optional.empty(),
                TrustedHosts.notSet(), "test", Optional.empty(), SmartProxySettings.Timeouts.DEFAULTS), new ModuleStates(),
                Optional.empty());
        List<Route<Handler>> modules = new ArrayList<>(proxy.routes());
        modules.addAll(new OpsRoutes(() -> "", new OpsRoutes.Timeline() {
            @Override
            public List<org.bootproxy.boot.BootEvent> events(org.bootproxy.boot.MacAddress mac) {
                return List.of();
            }

            @Override
            public AutoCloseable follow(org.bootproxy.boot.MacAddress mac,
                                        java.util.function.Consumer<org.bootproxy.boot.BootEvent> sink) {
                return () -> { };
            }
        }, () -> new org.bootproxy.boot.Readiness(List.of())).routes());
        moduleRoutes = modules.size();
        app = new HttpFixture(new FixedInventory(WEB01), new EchoRenderer(), new MemoryBuildStates(), HttpSettingsBuilder.loopback().build(),
                new HttpExtensions(modules, Optional.empty()));
    }

    @Test
    void everyRouteIsDeclaredOnceInTheTableAndNowhereElse() {
        startAsServeDoes();
        List<Route<Handler>> table = app.server.routes();
        Set<String> declared = new HashSet<>();
        for (Route<Handler> route : table) {
            assertThat(declared.add(route.method() + " " + route.path())).as("declared twice: %s", route).isTrue();
            assertThat(route.stage()).as(route.toString()).matches("[a-z0-9_-]*");
            assertThat(route.style()).as(route.toString()).isNotNull();
        }
        // bootproxy's own 23 (6 of them the TFTP root under /httpboot, /EFI/BOOT and /EFI, 4 the reports' /{id} forms,
        // one matchbox's /ignition), then the modules'
        assertThat(table).hasSize(23 + moduleRoutes);
        assertThat(app.server.registeredRoutes()).as("what Javalin serves is the table, nothing more")
                .containsExactlyInAnyOrderElementsOf(declared);
    }

    @Test
    void everyAnswerIsRecordedUnderTheStageItsRouteDeclares() throws Exception {
        startAsServeDoes();
        HttpClient client = HttpClient.newHttpClient();
        for (Route<Handler> route : app.server.routes()) {
            if (route.stage().equals(Route.UNRECORDED)) {
                continue;
            }
            int before = app.events.events.size();
            HttpResponse<String> answer = client.send(request(route), HttpResponse.BodyHandlers.ofString());
            // the request's event (the one with its duration; a report's own event has none) is recorded once the
            // answer is out, which may be after the client has it all (the body is written with its length): wait
            var event = app.events.await(e -> app.events.events.indexOf(e) >= before && e.fields().containsKey("ms"));
            String expected = route.path().equals("/unattended/{kind}") ? "provision" : route.stage();
            assertThat(event.stage()).as("%s answered %s", route, answer.statusCode()).isEqualTo(expected);
        }
    }

    @Test
    void aRouteAnswersFailuresInTheStyleItDeclaresWithoutItsHandlerSayingSo() throws Exception {
        Handler down = ctx -> {
            throw new UpstreamUnavailable("inventory timed out");
        };
        proxy = new SmartProxy(new SmartProxySettings(tftpRoot, "", URI.create("http://192.0.2.1:8000"), Optional.empty(),
                TrustedHosts.notSet(), "test", Optional.empty(), SmartProxySettings.Timeouts.DEFAULTS), new ModuleStates(),
                Optional.empty());
        app = new HttpFixture(new FixedInventory(WEB01), new EchoRenderer(), new MemoryBuildStates(), HttpSettingsBuilder.loopback().build(),
                new HttpExtensions(List.of(Route.get("/as-ipxe", "ipxe", Style.IPXE, down),
                        Route.get("/as-installer", "provision", Style.INSTALLER, down)), Optional.empty()));

        HttpResponse<String> ipxe = app.get("/as-ipxe?mac=" + WEB01_MAC);
        assertThat(ipxe.statusCode()).isEqualTo(200);
        assertThat(ipxe.body()).startsWith("#!ipxe\n").contains("inventory timed out").contains("chain --replace as-ipxe?mac=");
        HttpResponse<String> installer = app.get("/as-installer");
        assertThat(installer.statusCode()).isEqualTo(503);
        assertThat(installer.headers().firstValue("Retry-After")).contains(String.valueOf(RETRY_SECONDS));
        assertThat(app.events.awaitStage("provision").outcome()).isEqualTo("503");
    }

    /** A request that reaches {@code route}: its path parameters filled in, a body where it takes one. */
    private HttpRequest request(Route<Handler> route) {
        String path = route.path().replace("{kind}", "provision").replace("{mac}", WEB01_MAC.colons())
                .replace("{variant}", "pxelinux").replace("{template}", "Kickstart").replace("{hostgroup}", "Base")
                .replace("<path>", "missing.bin").replace("{id}", "42");
        String query = path.contains("?") ? "" : "?mac=" + WEB01_MAC;
        HttpRequest.Builder b = HttpRequest.newBuilder(app.uri(path + query)).timeout(Duration.ofSeconds(30));
        return switch (route.method()) {
            case GET -> b.GET().build();
            case HEAD -> b.method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
            case POST -> b.POST(HttpRequest.BodyPublishers.ofString("installer log")).build();
            case PUT -> b.PUT(HttpRequest.BodyPublishers.ofString("x")).build();
            case DELETE -> b.DELETE().build();
        };
    }
}
