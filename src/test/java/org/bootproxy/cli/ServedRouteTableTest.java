package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.Handler;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bootproxy.support.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The route table as `serve` composes it, with every module (smart-proxy, ops, machines, dashboard): each route
 * declared once with a stage and a style, and each one answered by its own handler, not Javalin's "no such route".
 */
class ServedRouteTableTest {
    @TempDir
    Path state;
    @TempDir
    Path tftpRoot;

    @Test
    void everyRouteServeRegistersIsDeclaredOnceAndAnswers() throws Exception {
        try (RunningBootproxy app = RunningBootproxy.onLoopback(Path.of("templates"), state, tftpRoot)) {
            List<Route<Handler>> table = app.running.http().routes();
            Set<String> declared = new HashSet<>();
            HttpClient client = HttpClient.newHttpClient();
            for (Route<Handler> route : table) {
                assertThat(declared.add(route.method() + " " + route.path())).as("declared twice: %s", route).isTrue();
                String path = route.path().replaceAll("\\{[a-z]+\\}", "x").replace("<path>", "x");
                HttpRequest.Builder b = HttpRequest.newBuilder(app.http(path));
                HttpRequest request = switch (route.method()) {
                    case GET -> b.GET().build();
                    case HEAD -> b.method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
                    case POST -> b.POST(HttpRequest.BodyPublishers.ofString("x")).build();
                    case PUT -> b.PUT(HttpRequest.BodyPublishers.ofString("x")).build();
                    case DELETE -> b.DELETE().build();
                };
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                // Javalin's own 404 for a path no route takes names what bootproxy serves; a handler's never does
                assertThat(answer.body()).as("%s answered %s", route, answer.statusCode())
                        .doesNotContain("bootproxy serves /unattended/<kind>");
            }
            assertThat(table).as("bootproxy's 18 and the modules' routes").hasSizeGreaterThan(30);
        }
    }
}
