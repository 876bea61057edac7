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

/** {@code bootproxy machines}, {@code trace} and {@code rebuild} as an operator types them, against a running serve. */
class MachinesCommandsTest {
    static final String WEB01_MAC = "52:54:00:00:01:01";

    @TempDir
    Path state;
    @TempDir
    Path tftpRoot;

    final HttpClient client = HttpClient.newHttpClient();
    RunningBootproxy app;

    void start(String... more) {
        app = RunningBootproxy.onLoopback(Path.of("templates"), state, tftpRoot, more);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    String url() {
        return "http://127.0.0.1:" + app.running.http().port();
    }

    /** What the command printed: the server runs in this JVM, and the tests' log configuration writes its lines to stdout. */
    static String out(CommandLineTest.Run r) {
        return String.join("", r.out().lines().filter(l -> !l.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[.*"))
                .map(l -> l + "\n").toList());
    }

    int get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(app.http(path)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void machinesPrintsATableOrJsonAndRemovesWithTheManagementTrust() throws Exception {
        start("trusted_hosts: [127.0.0.1]");
        get("/unattended/iPXE?unknown=1&macs=52:54:00:aa:bb:01,52:54:00:aa:bb:02&serial=SN123&manufacturer=QEMU&arch=x86_64&platform=efi");

        var table = CommandLineTest.run("machines", "--url", url());
        assertThat(table.code()).isZero();
        assertThat(out(table).lines().toList().get(0)).startsWith("ID").contains("MACS", "SERIAL", "LAST SEEN", "HOST");
        assertThat(out(table)).contains("525400aabb01  52:54:00:aa:bb:01,52:54:00:aa:bb:02  SN123").contains("x86_64/efi")
                .contains("1 machine(s)");

        var json = CommandLineTest.run("machines", "--url", url(), "--json");
        assertThat(out(json)).contains("\"machines\"").contains("\"serial\" : \"SN123\"");

        var removed = CommandLineTest.run("machines", "--url", url(), "--remove", "52:54:00:aa:bb:02");
        assertThat(removed.code()).isZero();
        assertThat(out(removed)).isEqualTo("removed 525400aabb01\n");
        assertThat(CommandLineTest.run("machines", "--url", url(), "--remove", "525400aabb01").code()).isEqualTo(1);
    }

    @Test
    void withoutAServerTheCommandSaysWhereItLooked() {
        var r = CommandLineTest.run("machines", "--url", "http://127.0.0.1:1");
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("no bootproxy answers at http://127.0.0.1:1").contains("--url");
    }

    @Test
    void traceRunsThroughOneMachinesBoot() throws Exception {
        start();
        get("/unattended/iPXE?mac=" + WEB01_MAC);
        get("/unattended/provision?mac=" + WEB01_MAC);
        var r = CommandLineTest.run("trace", "52-54-00-00-01-01", "--url", url());
        assertThat(r.code()).isZero();
        assertThat(out(r).lines().toList()).hasSize(2);
        assertThat(out(r)).contains(" ipxe ").contains("ipxe/kickstart").contains(" provision ").contains("provision/kickstart")
                .contains("result=ok").contains("host=web01.example.com");
        assertThat(out(CommandLineTest.run("trace", "52:54:00:00:09:09", "--url", url()))).contains("no events for");
        assertThat(CommandLineTest.run("trace", "nonsense", "--url", url()).code()).isEqualTo(2);
    }

    @Test
    void rebuildClearsTheRecordedResultInTheStateFolder() throws Exception {
        start();
        assertThat(get("/unattended/built?mac=" + WEB01_MAC)).isEqualTo(201);
        assertThat(get("/unattended/provision?mac=" + WEB01_MAC)).isEqualTo(405);
        Path config = state.resolve("bootproxy.yaml");
        Files.writeString(config, String.join("\n", "hosts: " + Path.of("hosts").toAbsolutePath(),
                "templates: " + Path.of("templates").toAbsolutePath(), "state_dir: " + state, ""));

        var r = CommandLineTest.run("rebuild", "web01.example.com", "--config", config.toString());
        assertThat(r.code()).isZero();
        assertThat(out(r)).startsWith("web01.example.com: cleared the 'built' result recorded at ")
                .contains("it installs on its next network boot");
        assertThat(get("/unattended/provision?mac=" + WEB01_MAC)).as("the running serve sees it at once").isEqualTo(200);

        var again = CommandLineTest.run("rebuild", WEB01_MAC, "--config", config.toString());
        assertThat(out(again)).contains("no build result was recorded");
        var unknown = CommandLineTest.run("rebuild", "nosuch.example.com", "--config", config.toString());
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.err()).contains("no host named nosuch.example.com");
    }
}
