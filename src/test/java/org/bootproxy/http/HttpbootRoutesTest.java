package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.fakes.EmptyInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /httpboot/* serves the TFTP root with the same file code and the same confinement as /pub/*. */
class HttpbootRoutesTest {
    @TempDir
    Path tmp;
    private HttpFixture app;

    @BeforeEach
    void serveTftpRoot() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("tftpboot"));
        Files.createDirectories(root.resolve("grub2"));
        Files.writeString(root.resolve("grub2/grub.cfg"), "set timeout=5\n");
        Files.writeString(root.resolve("grub2/.grub.cfg.part-1f"), "half a file\n");
        Files.writeString(tmp.resolve("outside.txt"), "outside\n");
        Files.createSymbolicLink(root.resolve("escape"), tmp.resolve("outside.txt"));
        app = new HttpFixture(new EmptyInventory(), new EchoRenderer(), new MemoryBuildStates(),
                HttpSettingsBuilder.loopback().httpboot(root).build(), HttpExtensions.NONE);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void filesOfTheTftpRootAreServed() throws Exception {
        HttpResponse<String> r = app.get("/httpboot/grub2/grub.cfg");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("set timeout=5\n");
    }

    @Test
    void partFilesSymlinksOutAndClimbingAreNot() throws Exception {
        assertThat(app.get("/httpboot/grub2/.grub.cfg.part-1f").statusCode()).isEqualTo(404);
        HttpResponse<String> escape = app.get("/httpboot/escape");
        assertThat(escape.statusCode()).isEqualTo(403);
        assertThat(escape.body()).contains("outside the TFTP root");
        assertThat(app.rawGet("/httpboot/%2e%2e/outside.txt")).doesNotContain("outside\n");
        assertThat(app.get("/pub/grub2/grub.cfg").statusCode()).as("no assets directory configured").isEqualTo(404);
    }
}
