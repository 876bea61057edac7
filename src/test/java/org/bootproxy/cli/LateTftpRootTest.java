package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A TFTP root that does not exist at start (the package is installed, then 'bootproxy bootfiles' runs) is served
 * over TFTP and /httpboot/ as soon as it appears, without a restart.
 */
class LateTftpRootTest {
    @TempDir
    Path dir;

    @Test
    void aTftpRootThatAppearsAfterStartIsServedOverTftpAndHttpboot() throws Exception {
        String yaml = String.join("\n", "http_address: 127.0.0.1:0", "tftp_address: 127.0.0.1:0", "tftproot: later/tftpboot",
                "template_url: http://192.0.2.1:8000", "state_dir: state", "hosts: " + Path.of("hosts").toAbsolutePath(),
                "templates: " + Path.of("templates").toAbsolutePath(), "");
        HttpClient client = HttpClient.newHttpClient();
        try (RunningBootproxy app = new RunningBootproxy(dir, yaml)) {
            HttpRequest get = HttpRequest.newBuilder(app.http("/httpboot/pxelinux.0")).build();
            HttpResponse<String> before = client.send(get, HttpResponse.BodyHandlers.ofString());
            assertThat(before.statusCode()).isEqualTo(404);
            assertThat(before.body()).contains("does not exist");
            assertThat(app.tftpGet("pxelinux.0", dir.resolve("before")).exitCode()).isEqualTo(68); // curl: not found

            Files.createDirectories(dir.resolve("later/tftpboot"));
            Files.writeString(dir.resolve("later/tftpboot/pxelinux.0"), "loader bytes");

            assertThat(client.send(get, HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("loader bytes");
            assertThat(app.tftpGet("pxelinux.0", dir.resolve("after")).exitCode()).isZero();
            assertThat(dir.resolve("after")).hasContent("loader bytes");
        }
    }
}
