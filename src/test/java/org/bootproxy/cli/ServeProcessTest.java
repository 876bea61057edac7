package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bootproxy serve} as a process of its own, as systemd runs it: SIGHUP reloads instead of ending it (the
 * JVM's default is exit 129), a TFTP port it cannot bind ends it with the reason, its paths do not follow the
 * working directory, and {@code --log-format json} writes one JSON object a line.
 */
class ServeProcessTest {
    static final String WEB01_MAC = "52:54:00:00:01:01";

    @TempDir
    Path etc;
    @TempDir
    Path elsewhere;

    final HttpClient client = HttpClient.newHttpClient();

    /** The base config with {@code extraLines} over it: a key written again replaces the base's (two are an error). */
    Path config(String... extraLines) throws Exception {
        Path file = etc.resolve("bootproxy.yaml");
        List<String> extra = List.of(extraLines);
        List<String> base = Stream.of(
                "http_address: 127.0.0.1:0",
                "tftp: {enabled: false}",
                "template_url: http://192.0.2.1:8000",
                "hosts: " + Path.of("hosts").toAbsolutePath(),
                "templates: " + Path.of("templates").toAbsolutePath())
                .filter(b -> extra.stream().noneMatch(e -> e.startsWith(b.substring(0, b.indexOf(':') + 1))))
                .toList();
        Files.writeString(file, String.join("\n", Stream.concat(base.stream(), extra.stream()).toList()) + "\n");
        return file;
    }

    HttpResponse<String> get(URI base, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sighupAppliesAChangedSettingNamesWhatNeedsARestartAndRefusesABrokenConfigWhileServingOn() throws Exception {
        Path cfg = config("ipxe: {intermediate_nics: 8}");
        try (ServeProcess serve = new ServeProcess(elsewhere, "serve", "--config", cfg.toString())) {
            URI base = serve.ready();
            assertThat(get(base, "/unattended/iPXE?bootstrap=1").body()).contains("dhcp net7");

            config("ipxe: {intermediate_nics: 2}", "http_address: 127.0.0.1:1");
            int before = serve.lineCount();
            serve.hangup();
            String reloaded = serve.awaitAfter(before, "reload \\(SIGHUP\\)");
            assertThat(reloaded).contains("applied ipxe.intermediate_nics")
                    .contains("needs a restart").contains("http_address (127.0.0.1:0 → 127.0.0.1:1)");
            String script = get(base, "/unattended/iPXE?bootstrap=1").body();
            assertThat(script).contains("dhcp net1").doesNotContain("dhcp net2");

            Files.writeString(cfg, "ipxe: {intermediate_nics: 99}\n");
            before = serve.lineCount();
            serve.hangup();
            assertThat(serve.awaitAfter(before, "reload \\(SIGHUP\\)"))
                    .contains("refused, the previous configuration keeps serving")
                    .contains("ipxe.intermediate_nics: 99 is out of range");
            assertThat(serve.alive()).isTrue();
            assertThat(get(base, "/unattended/iPXE?bootstrap=1").body()).contains("dhcp net1");
            assertThat(get(base, "/unattended/iPXE?mac=" + WEB01_MAC).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void reloadCommandWaitsForTheServersAnswerAndChecksTheConfigBeforeSignalling() throws Exception {
        Path cfg = config("state_dir: state", "ipxe: {intermediate_nics: 8}");
        try (ServeProcess serve = new ServeProcess(elsewhere, "serve", "--config", cfg.toString())) {
            URI base = serve.ready();
            assertThat(etc.resolve("state/bootproxy.pid")).hasContent(Long.toString(serve.pid()));

            config("state_dir: state", "ipxe: {intermediate_nics: 3}");
            CommandLineTest.Run ok = CommandLineTest.run("reload", "--config", cfg.toString());
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.out()).contains("applied ipxe.intermediate_nics");
            assertThat(get(base, "/unattended/iPXE?bootstrap=1").body()).contains("dhcp net2").doesNotContain("dhcp net3");

            Files.writeString(cfg, "state_dir: state\nhostz: typo\n");
            int before = serve.lineCount();
            CommandLineTest.Run broken = CommandLineTest.run("reload", "--config", cfg.toString());
            assertThat(broken.code()).isEqualTo(2);
            assertThat(broken.err()).contains("unknown key 'hostz'").contains("did you mean 'hosts'");
            Thread.sleep(500);
            assertThat(serve.outputLines().subList(before, serve.lineCount())).noneMatch(l -> l.contains("reload ("));
            assertThat(get(base, "/unattended/iPXE?bootstrap=1").body()).contains("dhcp net2");
        }
        assertThat(etc.resolve("state/bootproxy.pid")).doesNotExist();
        CommandLineTest.Run none = CommandLineTest.run("reload", "--config", config("state_dir: state").toString());
        assertThat(none.code()).isEqualTo(1);
        assertThat(none.err()).contains("no running bootproxy found").contains("bootproxy.pid");
    }

    @Test
    void tftpThatCannotBindEndsServeWithTheReasonUnlessOptional() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Path cfg = config("tftp_address: 127.0.0.1:" + taken.getLocalPort(), "tftp: {enabled: true}");
            try (ServeProcess serve = new ServeProcess(elsewhere, "serve", "--config", cfg.toString())) {
                assertThat(serve.exitCode()).isEqualTo(ServeCommand.CANNOT_LISTEN);
                assertThat(serve.output()).contains("TFTP cannot listen on 127.0.0.1:" + taken.getLocalPort())
                        .contains("tftp.optional: true").doesNotContain("ready:");
            }
            try (ServeProcess serve = new ServeProcess(elsewhere, "serve", "--config", cfg.toString(), "--tftp-optional")) {
                URI base = serve.ready();
                assertThat(serve.output()).contains("HTTP keeps running");
                assertThat(get(base, "/healthz").statusCode()).isEqualTo(200);
            }
        }
    }

    @Test
    void pathsResolveBesideTheConfigNotTheWorkingDirectoryAndArePrintedAtStart() throws Exception {
        Path cfg = config();
        try (ServeProcess serve = new ServeProcess(elsewhere, "serve", "--config", cfg.toString())) {
            URI base = serve.ready();
            assertThat(serve.output()).contains("config:    " + cfg)
                    .contains("hosts:     " + Path.of("hosts").toAbsolutePath())
                    .contains("templates: " + Path.of("templates").toAbsolutePath())
                    .contains("state:     " + etc.resolve("state"))
                    .contains("tftproot:  " + etc.resolve("tftpboot") + " (does not exist yet")
                    .contains("assets:    none")
                    .contains("groups:    " + Path.of("groups").toAbsolutePath())
                    .contains("profiles:  " + Path.of("profiles").toAbsolutePath())
                    // TFTP on 0.0.0.0: what DHCP should hand out is the address machines reach this server at
                    .contains("(next-server 192.0.2.1);").doesNotContain("next-server 0.0.0.0");
            assertThat(client.send(HttpRequest.newBuilder(base.resolve("/unattended/built?mac=" + WEB01_MAC))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(201);
            assertThat(etc.resolve("state/build-state/web01.example.com.json")).exists();
        }
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertThat(left).as("nothing is written to the working directory").isEmpty();
        }
    }

    @Test
    void jsonLogFormatWritesOneObjectPerLineWithTheRequestsMacClientStageAndHost() throws Exception {
        Path cfg = config();
        try (ServeProcess serve = new ServeProcess(elsewhere, "serve", "--config", cfg.toString(), "--log-format", "json")) {
            URI base = serve.ready();
            assertThat(get(base, "/unattended/iPXE?mac=" + WEB01_MAC).statusCode()).isEqualTo(200);
            serve.await("GET /unattended/iPXE");
            ObjectMapper json = new ObjectMapper();
            List<JsonNode> objects = new java.util.ArrayList<>();
            for (String line : serve.outputLines()) {
                JsonNode n = json.readTree(line);
                assertThat(n.isObject()).as(line).isTrue();
                assertThat(n.fieldNames()).toIterable().as(line).contains("time", "level", "logger", "message");
                objects.add(n);
            }
            JsonNode request = objects.stream().filter(n -> n.get("message").asText().startsWith("GET /unattended/iPXE"))
                    .findFirst().orElseThrow();
            assertThat(request.get("mac").asText()).isEqualTo(WEB01_MAC);
            assertThat(request.get("client").asText()).isEqualTo("127.0.0.1");
            assertThat(request.get("stage").asText()).isEqualTo("ipxe");
            assertThat(request.get("host").asText()).isEqualTo("web01.example.com");
            assertThat(request.get("level").asText()).isEqualTo("INFO");
            assertThat(request.get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        }
    }
}
