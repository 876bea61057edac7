package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.support.TempName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server as {@code serve} wires it, on the shipped example hosts and templates: what a fresh clone
 * answers. TFTP is read with curl (Debian package curl, installed by .ci/run).
 */
class ServeAppTest {
    static final String WEB01_MAC = "52:54:00:00:01:01";
    static final String WEB01_SECOND_MAC = "52:54:00:00:01:02";
    static final String DB01_MAC = "52:54:00:00:02:01";

    @TempDir
    Path state;
    @TempDir
    Path tftpRoot;

    final HttpClient client = HttpClient.newHttpClient();
    RunningBootproxy app;

    void start() {
        app = new RunningBootproxy(Path.of("."), String.join("\n",
                "http_address: 127.0.0.1:0",
                "tftp_address: 127.0.0.1:0",
                "template_url: http://192.0.2.1:8000",
                "hosts: " + Path.of("hosts").toAbsolutePath(),
                "templates: " + Path.of("templates").toAbsolutePath(),
                "state_dir: " + state,
                "tftproot: " + tftpRoot));
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(app.http(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(app.http(path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    String tftpGet(String file) throws Exception {
        int port = app.running.tftp().orElseThrow().port();
        Process p = new ProcessBuilder("curl", "-sS", "--max-time", "10", "tftp://127.0.0.1:" + port + "/" + file)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    @Test
    void aShippedHostGetsItsIpxeBootScript() throws Exception {
        start();
        var r = get("/unattended/iPXE?mac=" + WEB01_MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("#!ipxe").contains("web01.example.com")
                .contains("inst.ks=http://192.0.2.1:8000/unattended/provision?token=");
        assertThat(get("/unattended/iPXE?mac=" + WEB01_SECOND_MAC.replace(':', '-')).body()).contains("web01.example.com");
    }

    @Test
    void bootstrapGetsTheIntermediateScriptAndAnUnknownMacA404() throws Exception {
        start();
        var r = get("/unattended/iPXE?bootstrap=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("#!ipxe").contains("isset ${net0/mac}").contains("dhcp net7")
                .contains("chain http://192.0.2.1:8000/unattended/iPXE?mac=${net0/mac}");
        assertThat(get("/unattended/iPXE?mac=52:54:00:ff:ff:ff").statusCode()).isEqualTo(404);
    }

    @Test
    void provisionIsAKickstartNamingTheHostAndItsMedium() throws Exception {
        start();
        var r = get("/unattended/provision?mac=" + WEB01_MAC);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("web01.example.com")
                .contains("url --url=http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os")
                .contains("http://192.0.2.1:8000/unattended/built?");
    }

    @Test
    void tftpServesTheRenderedPerMacConfigAndTheDefault() throws Exception {
        start();
        assertThat(tftpGet("pxelinux.cfg/01-" + WEB01_MAC.replace(':', '-')))
                .contains("KERNEL ipxe.lkrn").contains("chain http://192.0.2.1:8000/unattended/iPXE?").contains("IPAPPEND 2");
        assertThat(tftpGet("pxelinux.cfg/default")).contains("bootstrap=1");
        // curl exit code 68 = "TFTP: file not found" (its message text varies between versions)
        assertThat(tftpGet("pxelinux.cfg/01-52-54-00-ff-ff-ff")).contains("(68)");
    }

    @Test
    void oneMachinesTimelineAndTheMetricsAreOneUrlAway() throws Exception {
        start();
        get("/unattended/iPXE?mac=" + WEB01_MAC);
        tftpGet("pxelinux.cfg/01-" + WEB01_MAC.replace(':', '-'));
        // events are recorded once an answer is out (HTTP) or the last ACK is in (TFTP): poll briefly
        HttpResponse<String> timeline = get("/events/" + WEB01_MAC.replace(':', '-'));
        for (int i = 0; i < 100 && !timeline.body().contains("\"stage\" : \"tftp\""); i++) {
            Thread.sleep(50);
            timeline = get("/events/" + WEB01_MAC.replace(':', '-'));
        }
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).contains("\"mac\" : \"" + WEB01_MAC + "\"").contains("\"stage\" : \"ipxe\"")
                .contains("\"stage\" : \"tftp\"").contains("ipxe/kickstart");
        assertThat(get("/events/not-a-mac").statusCode()).isEqualTo(400);
        assertThat(get("/metrics").body()).contains("bootproxy_answers_total{outcome=\"ok\",stage=\"ipxe\"}")
                .contains("bootproxy_tftp_sent_bytes_total");
    }

    @Test
    void temporaryFilesAKilledWriteLeftAreRemovedAtStartAndNeverServed() throws Exception {
        // finding 11: temp files piled up over rounds of kill -9, and TFTP served a hidden .part file by its name
        long gone = 4_194_305L; // above Linux's largest pid_max: that writer is surely gone
        Path inRoot = Files.writeString(tftpRoot.resolve(new TempName("pxelinux.0", gone, "0badf00d").fileName()), "half");
        Path inFolder = Files.writeString(Files.createDirectories(tftpRoot.resolve("pxelinux.cfg"))
                .resolve(new TempName("default", gone, "00c0ffee").fileName()), "half");
        Path inState = Files.writeString(Files.createDirectories(state.resolve("build-state"))
                .resolve(new TempName("web01.example.com.json", gone, "0000beef").fileName()), "{\"half");
        Path beingWritten = Files.writeString(tftpRoot.resolve(TempName.fresh("ldlinux.c32").fileName()), "half");

        start();

        assertThat(inRoot).doesNotExist();
        assertThat(inFolder).doesNotExist();
        assertThat(inState).doesNotExist();
        assertThat(beingWritten).as("a live process (this one) is still writing it").exists();
        String name = beingWritten.getFileName().toString();
        assertThat(get("/httpboot/" + name).statusCode()).isEqualTo(404);
        Path fetched = state.resolve("fetched");
        assertThat(app.tftpGet(name, fetched).exitCode()).as("curl's exit code for TFTP 'file not found'").isEqualTo(68);
        assertThat(fetched).doesNotExist();
    }

    @Test
    void builtAndFailedSurviveARestartWithTheFileStore() throws Exception {
        start();
        assertThat(get("/unattended/built?mac=" + WEB01_MAC).statusCode()).isEqualTo(201);
        assertThat(post("/unattended/failed?mac=" + DB01_MAC, "disk sda not found").statusCode()).isEqualTo(201);
        stop();

        start();
        var ipxe = get("/unattended/iPXE?mac=" + WEB01_MAC);
        assertThat(ipxe.statusCode()).isEqualTo(200);
        assertThat(ipxe.body()).startsWith("#!ipxe").doesNotContain("inst.ks=");
        assertThat(get("/unattended/provision?mac=" + WEB01_MAC).statusCode()).isEqualTo(405);
        assertThat(tftpGet("pxelinux.cfg/01-" + WEB01_MAC.replace(':', '-'))).doesNotContain("ipxe.lkrn");
        assertThat(Files.readString(state.resolve("build-state/db01.example.com.json"))).contains("disk sda not found");
    }
}
