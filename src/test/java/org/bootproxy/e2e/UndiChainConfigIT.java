package org.bootproxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UNDI chain (pxelinux → undionly-ipxe.0, iPXE on the firmware's PXE stack) cannot boot in pxe-lab: QEMU's NIC
 * ROMs are iPXE, and undionly's DHCP request is byte for byte the ROM's, so the DHCP server answers it with
 * pxelinux.0 again (see pxe-lab's README). What bootproxy contributes to it is checked here instead, against the
 * packaged jar on loopback, with curl as the TFTP client (Debian package curl; boot files from ipxe, pxelinux and
 * syslinux-common): the rendered pxelinux.cfg, the file it names, and the host script iPXE then asks for.
 * Needs no root, so it runs in the default {@code mvn verify}.
 */
class UndiChainConfigIT {
    private static final String MAC = "52:54:00:12:34:58";
    private static final String HOST = "legacy-nic01.example.com";

    private Process server;
    private Path log;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy(); // SIGTERM: bootproxy's shutdown hook stops TFTP and HTTP
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    @Test
    void hostOnUndiGetsAConfigThatLoadsUndionlyAndThenItsOwnScript() throws Exception {
        Path shared = Site.basedir().resolve("target/e2e/shared");
        Site.stageBootFiles(shared.resolve("tftpboot"));
        Files.createDirectories(shared.resolve("pub"));
        Site site = Site.fresh(Site.basedir().resolve("target/e2e/undi"), shared.resolve("tftpboot"), shared.resolve("pub"))
                .host(HOST, Site.hostFile(HOST, true, MAC, """
                        medium: http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os
                        templates:
                          PXELinux: pxelinux/chain-ipxe-undi
                        """));
        int tftpPort = freeUdpPort();
        int httpPort = freeTcpPort();
        start(site.serve("127.0.0.1:" + httpPort, "127.0.0.1:" + tftpPort, "http://192.0.2.1:8000"));

        String cfg = new String(curl("tftp://127.0.0.1:" + tftpPort + "/pxelinux.cfg/01-52-54-00-12-34-58"), StandardCharsets.UTF_8);
        assertThat(cfg).contains("KERNEL undionly-ipxe.0").contains("IPAPPEND 2").doesNotContain("ipxe.lkrn").doesNotContain("APPEND dhcp");
        assertThat(curl("tftp://127.0.0.1:" + tftpPort + "/undionly-ipxe.0"))
                .as("undionly-ipxe.0 is Debian's undionly.kpxe").isEqualTo(Files.readAllBytes(Path.of("/usr/lib/ipxe/undionly.kpxe")));
        awaitLogLine("tftp ok pxelinux.cfg/01-52-54-00-12-34-58 ", "source=rendered template=pxelinux/chain-ipxe-undi host=" + HOST);

        // undionly's iPXE gets the bootstrap URL from DHCP; the intermediate script then asks by MAC
        var http = HttpClient.newHttpClient();
        var script = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/unattended/iPXE?mac="
                + MAC.replace(":", "%3A"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).startsWith("#!ipxe").contains("bootproxy: installing " + HOST);
    }

    private void start(List<String> command) throws IOException, InterruptedException {
        log = Site.basedir().resolve("target/e2e/undi/server.log");
        server = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitLogLine("ServeCommand - ready:", "");
    }

    private void awaitLogLine(String contains, String endsWith) throws IOException, InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (Files.readAllLines(log).stream().anyMatch(l -> l.contains(contains) && l.endsWith(endsWith))) {
                return;
            }
            assertThat(server.isAlive()).as("bootproxy exited:\n" + Files.readString(log)).isTrue();
            Thread.sleep(100);
        }
        throw new AssertionError("no log line with '" + contains + "' ending '" + endsWith + "' in 30 s:\n" + Files.readString(log));
    }

    private static byte[] curl(String url) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("curl", "-sS", "--max-time", "20", url).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] body = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as("curl " + url).isZero();
        return body;
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0)) {
            return s.getLocalPort();
        }
    }
}
