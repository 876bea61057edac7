package org.bootproxy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bootproxy doctor}: all checks hold on a good set-up, and each mistake fails its check with the fix. */
class DoctorCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out) {
    }

    /** This machine's first non-loopback IPv4 address: what template_url must point at. */
    static String ownAddress() throws Exception {
        for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nif.isUp() && !nif.isLoopback()) {
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address) {
                        return a.getHostAddress();
                    }
                }
            }
        }
        throw new AssertionError("this test needs a non-loopback IPv4 address on this machine (ip addr)");
    }

    /** A good set-up: free ports, a filled TFTP root, the shipped hosts and templates, template_url on this machine. */
    Path goodConfig(String... overrides) throws Exception {
        Path root = dir.resolve("tftpboot");
        Files.createDirectories(root);
        for (String f : List.of("pxelinux.0", "ldlinux.c32", "ipxe.lkrn", "snponly.efi", "ipxe.efi")) {
            Files.writeString(root.resolve(f), "boot loader");
        }
        StringBuilder yaml = new StringBuilder(String.join("\n", "http_address: 127.0.0.1:0", "tftp_address: 127.0.0.1:0",
                "tftproot: tftpboot", "state_dir: state", "template_url: http://" + ownAddress() + ":8000",
                "hosts: " + Path.of("hosts").toAbsolutePath(), "templates: " + Path.of("templates").toAbsolutePath(), ""));
        for (String o : overrides) {
            String key = o.substring(0, o.indexOf(':'));
            int at = yaml.indexOf(key + ":");
            if (at >= 0) {
                yaml.delete(at, yaml.indexOf("\n", at) + 1);
            }
            yaml.append(o).append('\n');
        }
        Path cfg = dir.resolve("bootproxy.yaml");
        Files.writeString(cfg, yaml);
        return cfg;
    }

    Run doctor(Clock clock, Path cfg, String... more) {
        DoctorCommand d = new DoctorCommand();
        d.clock = clock;
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(d);
        cli.setOut(new PrintWriter(out, true));
        String[] args = new String[more.length + 2];
        args[0] = "--config";
        args[1] = cfg.toString();
        System.arraycopy(more, 0, args, 2, more.length);
        return new Run(cli.execute(args), out.toString());
    }

    Run doctor(Path cfg, String... more) {
        return doctor(Clock.systemUTC(), cfg, more);
    }

    @Test
    void allChecksHoldOnAGoodSetUp() throws Exception {
        Run r = doctor(goodConfig());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).doesNotContain("FAIL").contains("ok    HTTP port").contains("ok    TFTP port")
                .contains("ok    boot files for BIOS PXE").contains("ok    boot files for x86-64 UEFI PXE")
                .contains("ok    boot files for UEFI HTTP Boot x64").contains("ok    templates").contains("ok    hosts")
                .contains("ok    public URL").contains("ok    state folder").contains("ok    clock")
                .contains("doctor: all 10 checks hold");
        assertThat(dir.resolve("state")).as("doctor leaves no trace").doesNotExist();
    }

    @Test
    void portsHeldByAnotherProcessFailNamingHowToFindIt() throws Exception {
        try (ServerSocket http = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             DatagramSocket tftp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Run r = doctor(goodConfig("http_address: 127.0.0.1:" + http.getLocalPort(),
                    "tftp_address: 127.0.0.1:" + tftp.getLocalPort()));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("FAIL  HTTP port: 127.0.0.1:" + http.getLocalPort() + "/tcp")
                    .contains("FAIL  TFTP port: 127.0.0.1:" + tftp.getLocalPort() + "/udp").contains("ss -lunp")
                    .contains("doctor: 2 of 10 checks failed");
        }
    }

    @Test
    void portsHeldByTheRunningBootproxyAreFine() throws Exception {
        try (DatagramSocket tftp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            Path cfg = goodConfig("tftp_address: 127.0.0.1:" + tftp.getLocalPort());
            new RunFiles(dir.resolve("state")).writePid(ProcessHandle.current().pid());
            Run r = doctor(cfg);
            assertThat(r.code()).as(r.out()).isZero();
            assertThat(r.out()).contains("in use by the running bootproxy (pid " + ProcessHandle.current().pid() + ")");
        }
    }

    @Test
    void missingBootFilesFailPerFirmwareWithTheCommandThatFetchesThem() throws Exception {
        Path cfg = goodConfig();
        Files.delete(dir.resolve("tftpboot/ldlinux.c32"));
        Run r = doctor(cfg, "--uefi", "shim");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  boot files for BIOS PXE (arch 0): missing in " + dir.resolve("tftpboot") + ": ldlinux.c32")
                .contains("FAIL  boot files for x86-64 UEFI PXE (arch 7 or 9): missing in " + dir.resolve("tftpboot")
                        + ": grub2/shimx64.efi, grub2/grubx64.efi")
                .contains("fix: run 'bootproxy bootfiles --config " + cfg + "'");
    }

    @Test
    void aTemplateThatDoesNotRenderFailsWithLintsFirstFailure() throws Exception {
        Path templates = dir.resolve("templates");
        CommandLineTest.copy(Path.of("templates"), templates);
        Files.writeString(templates.resolve("ipxe/kickstart.ftl"), "#!ipxe\necho [=host.nosuchfield]\n");
        Run r = doctor(goodConfig("templates: templates"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  templates: lint:").contains("ipxe/kickstart").contains("run 'bootproxy lint'");
    }

    @Test
    void aBrokenHostFileFailsTheHostsCheck() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.createDirectories(hosts);
        Files.writeString(hosts.resolve("bad.yaml"), "name: bad.example.com\ninterfaces: [{mac: not-a-mac}]\n");
        Run r = doctor(goodConfig("hosts: hosts"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  hosts: ").contains("broken host file(s); first: " + hosts.resolve("bad.yaml"));
    }

    @Test
    void anUpstreamThatRefusesTheCredentialsFails() throws Exception {
        WireMockServer foreman = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        foreman.start();
        try {
            foreman.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(401).withBody("{\"error\":\"Unable to authenticate user\"}")));
            Run r = doctor(goodConfig("inventory: {type: foreman, foreman: {url: 'http://127.0.0.1:" + foreman.port()
                    + "', username: bootproxy, password: wrong}}"));
            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("FAIL  upstream foreman:").contains("401").contains("check-upstream");
        } finally {
            foreman.stop();
        }
    }

    @Test
    void aPublicUrlThatIsNotThisMachineOrNotSetFails() throws Exception {
        Run elsewhere = doctor(goodConfig("template_url: http://192.0.2.77:8000"));
        assertThat(elsewhere.code()).isEqualTo(1);
        assertThat(elsewhere.out()).contains("FAIL  public URL: 192.0.2.77 resolves to 192.0.2.77, none of them an address of this machine");

        Run loopback = doctor(goodConfig("template_url: http://127.0.0.1:8000"));
        assertThat(loopback.out()).contains("FAIL  public URL: 127.0.0.1 resolves to loopback");

        Run guessed = doctor(goodConfig("template_url: ''"));
        assertThat(guessed.out()).contains("FAIL  public URL:").contains("is a guess (template_url is not set)");
    }

    @Test
    void aStateFolderThatCannotBeWrittenFails() throws Exception {
        Files.writeString(dir.resolve("a-file"), "not a folder");
        Run r = doctor(goodConfig("state_dir: a-file/state"));
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  state folder: " + dir.resolve("a-file/state") + " cannot be written")
                .contains("chown bootproxy:bootproxy");
    }

    @Test
    void aClockBeforeBootproxyWasBuiltFails() throws Exception {
        Run r = doctor(Clock.fixed(Instant.parse("2001-01-01T00:00:00Z"), ZoneOffset.UTC), goodConfig());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL  clock: it says 2001-01-01T00:00:00Z, before this bootproxy was built")
                .contains("timedatectl set-ntp true");
    }
}
