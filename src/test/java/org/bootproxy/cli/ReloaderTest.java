package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.config.ConfigLoader;
import org.bootproxy.config.Overrides;
import org.bootproxy.config.BootproxyConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a reload applies to a running server (the same code SIGHUP and {@code bootproxy reload} run, see
 * ServeProcessTest for the signal itself): new hosts and templates folders are served at once, keys bound at start
 * are named and keep their value, and a configuration that does not load is refused while the old one serves on.
 */
class ReloaderTest {
    static final String WEB01_MAC = "52:54:00:00:01:01";

    @TempDir
    Path dir;

    final HttpClient client = HttpClient.newHttpClient();
    RunningBootproxy app;
    Reloader reloader;

    String yaml(String hosts, String templates, String... more) {
        return String.join("\n", "http_address: 127.0.0.1:0", "tftp: {enabled: false}", "template_url: http://192.0.2.1:8000",
                "state_dir: state", "hosts: " + hosts, "templates: " + templates, String.join("\n", more), "");
    }

    void start(String yaml) throws Exception {
        Path file = dir.resolve("bootproxy.yaml");
        Files.writeString(file, yaml);
        app = new RunningBootproxy(dir, yaml);
        reloader = new Reloader(() -> BootproxyConfig.resolve(ConfigLoader.load(file), dir, Overrides.NONE), file.toString(),
                app.config, app.components.live());
    }

    void rewrite(String yaml) throws Exception {
        Files.writeString(dir.resolve("bootproxy.yaml"), yaml);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(app.http(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anotherHostsFolderIsServedRightAfterTheReload() throws Exception {
        Files.createDirectories(dir.resolve("empty-hosts"));
        String templates = Path.of("templates").toAbsolutePath().toString();
        start(yaml("empty-hosts", templates));
        assertThat(get("/unattended/iPXE?mac=" + WEB01_MAC).statusCode()).isEqualTo(404);

        rewrite(yaml(Path.of("hosts").toAbsolutePath().toString(), templates));
        Reloader.Outcome o = reloader.reload("test");

        assertThat(o.applied()).isTrue();
        // the default groups and profiles folders are beside the hosts folder: they moved with it
        assertThat(o.change().applied()).containsExactly("hosts", "groups", "profiles");
        assertThat(o.change().needRestart()).isEmpty();
        assertThat(get("/unattended/iPXE?mac=" + WEB01_MAC).body()).contains("web01.example.com");
    }

    @Test
    void anotherTemplatesFolderIsRenderedFromRightAfterTheReload() throws Exception {
        Path mine = dir.resolve("my-templates");
        CommandLineTest.copy(Path.of("templates"), mine);
        String hosts = Path.of("hosts").toAbsolutePath().toString();
        start(yaml(hosts, Path.of("templates").toAbsolutePath().toString()));
        Files.writeString(mine.resolve("ipxe/intermediate.ftl"), "#!ipxe\necho reloaded templates\n");

        rewrite(yaml(hosts, mine.toString()));
        assertThat(reloader.reload("test").change().applied()).containsExactly("templates");
        assertThat(get("/unattended/iPXE?bootstrap=1").body()).isEqualTo("#!ipxe\necho reloaded templates\n");
    }

    @Test
    void newRenderLimitsApplyToTheNextRender() throws Exception {
        String hosts = Path.of("hosts").toAbsolutePath().toString();
        String templates = Path.of("templates").toAbsolutePath().toString();
        start(yaml(hosts, templates));
        assertThat(get("/unattended/provision?mac=" + WEB01_MAC).statusCode()).isEqualTo(200);

        rewrite(yaml(hosts, templates, "render: {max_output_bytes: 1024}"));
        assertThat(reloader.reload("test").change().applied()).containsExactly("render");

        HttpResponse<String> kickstart = get("/unattended/provision?mac=" + WEB01_MAC);
        assertThat(kickstart.statusCode()).isEqualTo(500);
        assertThat(kickstart.body()).contains("provision/kickstart");
    }

    @Test
    void grubSettingsApplyToTheNextRenderAndAnotherReloadKeepsThem() throws Exception {
        String hosts = Path.of("hosts").toAbsolutePath().toString();
        String templates = Path.of("templates").toAbsolutePath().toString();
        start(yaml(hosts, templates, "grub2: {entry_configs: [grub/grub.cfg]}"));
        assertThat(get("/httpboot/grub/grub.cfg").statusCode()).isEqualTo(200);
        assertThat(get("/httpboot/boot/grub2/grub.cfg").statusCode()).isEqualTo(404);

        rewrite(yaml(hosts, templates, "grub2: {entry_configs: [boot/grub2/grub.cfg]}"));
        assertThat(reloader.reload("test").change().applied()).containsExactly("grub2");
        assertThat(get("/httpboot/boot/grub2/grub.cfg").body()).contains("$net_default_mac");
        assertThat(get("/httpboot/grub/grub.cfg").statusCode()).isEqualTo(404);

        rewrite(yaml(hosts, templates, "grub2: {entry_configs: [boot/grub2/grub.cfg]}", "ipxe: {intermediate_nics: 2}"));
        assertThat(reloader.reload("test").change().applied()).containsExactly("ipxe.intermediate_nics");
        assertThat(get("/httpboot/boot/grub2/grub.cfg").statusCode()).as("the reload kept the GRUB settings").isEqualTo(200);
    }

    @Test
    void keysBoundAtStartAreNamedAndKeepTheirRunningValue() throws Exception {
        String hosts = Path.of("hosts").toAbsolutePath().toString();
        String templates = Path.of("templates").toAbsolutePath().toString();
        start(yaml(hosts, templates));
        rewrite(yaml(hosts, templates, "template_url: http://198.51.100.7:8000", "ipxe: {retry_seconds: 30, unknown_machine: localboot}")
                .replace("template_url: http://192.0.2.1:8000\n", ""));

        Reloader.Outcome o = reloader.reload("test");

        assertThat(o.change().applied()).containsExactly("ipxe.unknown_machine");
        assertThat(o.change().needRestart()).containsExactly(
                "template_url (http://192.0.2.1:8000 → http://198.51.100.7:8000)", "ipxe.retry_seconds (10 → 30)");
        assertThat(o.message()).contains("needs a restart").contains("template_url").contains("ipxe.retry_seconds");
        assertThat(get("/unattended/iPXE?mac=" + WEB01_MAC).body()).contains("http://192.0.2.1:8000/unattended/provision");
        assertThat(app.components.boot().settings().unknownAnswer().template()).isEqualTo("ipxe/localboot");
    }

    @Test
    void aConfigThatDoesNotLoadIsRefusedAndTheRunningOneServesOn() throws Exception {
        String templates = Path.of("templates").toAbsolutePath().toString();
        start(yaml(Path.of("hosts").toAbsolutePath().toString(), templates));

        rewrite(yaml(dir.resolve("no-such-folder").toString(), templates));
        Reloader.Outcome missingFolder = reloader.reload("test");
        rewrite("tftp: {max_blksize: [1]}\n");
        Reloader.Outcome badYaml = reloader.reload("test");

        assertThat(missingFolder.applied()).isFalse();
        assertThat(missingFolder.message()).contains("refused").contains("no-such-folder");
        assertThat(badYaml.applied()).isFalse();
        assertThat(badYaml.message()).contains("tftp.max_blksize");
        assertThat(get("/unattended/iPXE?mac=" + WEB01_MAC).body()).contains("web01.example.com");
    }
}
