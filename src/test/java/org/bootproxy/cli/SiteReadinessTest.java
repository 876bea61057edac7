package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host or group file saved with a mistake shows in /readyz with its file and line, and leaves it when fixed. */
class SiteReadinessTest {
    private static final String ALMA9 = "os: {family: Redhat, major: 9}\nmedium: http://mirror.example.com/alma/9\n";
    @TempDir
    Path dir;

    private RunningBootproxy app;
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private HttpResponse<String> readyz() throws Exception {
        return client.send(HttpRequest.newBuilder(app.http("/readyz")).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrokenSiteFileMakesReadyzNotReadyUntilItIsFixed() throws Exception {
        Path hosts = Files.createDirectories(dir.resolve("hosts"));
        Path groups = Files.createDirectories(dir.resolve("groups"));
        Files.writeString(groups.resolve("alma9.yaml"), ALMA9);
        Path web01 = hosts.resolve("web01.yaml");
        Files.writeString(web01, "name: web01.example.com\ngroup: alma9\ninterfaces: [{mac: 52:54:00:00:01:01}]\n");
        app = new RunningBootproxy(dir, String.join("\n", "http_address: 127.0.0.1:0", "tftp: {enabled: false}",
                "template_url: http://192.0.2.1:8000", "hosts: hosts", "templates: " + Path.of("templates").toAbsolutePath(),
                "state_dir: state"));
        assertThat(readyz().statusCode()).isEqualTo(200);

        Files.writeString(groups.resolve("alma9.yaml"), ALMA9 + "biuld: true\n");
        components().live().current().rescans().forEach(Runnable::run); // what serve's watch does every second
        HttpResponse<String> broken = readyz();
        assertThat(broken.statusCode()).isEqualTo(503);
        assertThat(broken.body()).contains("inventory: FAILING").contains("problem(s) in the host, group and profile"
                + " files, first: " + groups.resolve("alma9.yaml") + " line 3: unknown key 'biuld', did you mean 'build'?");

        Files.writeString(groups.resolve("alma9.yaml"), ALMA9 + "build: true\n");
        components().live().current().rescans().forEach(Runnable::run);
        assertThat(readyz().statusCode()).isEqualTo(200);
    }

    private Components components() {
        return app.components;
    }
}
