package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bootproxy dhcp-config} as an operator runs it: where next-server and the URLs come from, and its mistakes. */
class DhcpConfigCommandTest {
    @TempDir
    Path dir;

    Path config(String yaml) throws Exception {
        Files.createDirectories(dir.resolve("hosts"));
        Path f = dir.resolve("bootproxy.yaml");
        Files.writeString(f, yaml + "\ntemplates: " + Path.of("templates").toAbsolutePath() + "\n");
        return f;
    }

    @Test
    void nextServerAndUrlsComeFromTheConfig() throws Exception {
        Path cfg = config("template_url: http://198.51.100.4:8000\ntftp_servername: 198.51.100.5");
        CommandLineTest.Run r = CommandLineTest.run("dhcp-config", "--config", cfg.toString(), "--format", "isc");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("next-server 198.51.100.5;")
                .contains("filename \"http://198.51.100.4:8000/unattended/iPXE?bootstrap=1\";")
                .contains("filename \"snponly.efi\";").contains("filename \"pxelinux.0\";");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void withoutTftpServernameTheTemplateUrlsHostIsTheNextServer() throws Exception {
        Path cfg = config("template_url: http://198.51.100.4:8000");
        CommandLineTest.Run r = CommandLineTest.run("dhcp-config", "--config", cfg.toString(), "--format", "dnsmasq",
                "--bios", "ipxe", "--uefi", "shim");
        assertThat(r.out()).contains("dhcp-boot=tag:!ipxe,tag:!httpboot,tag:!arm64,tag:!efi64,undionly-ipxe.0,bootproxy,198.51.100.4")
                .contains(",grub2/shimx64.efi,bootproxy,198.51.100.4").contains("dhcp-no-override");
    }

    @Test
    void aGuessedPublicUrlIsPointedOutAndMistakesNameTheFlag() throws Exception {
        Path cfg = config("http_address: 192.0.2.9:8000");
        CommandLineTest.Run guessed = CommandLineTest.run("dhcp-config", "--config", cfg.toString(), "--format", "kea");
        assertThat(guessed.code()).isZero();
        assertThat(guessed.err()).contains("template_url is not set");

        CommandLineTest.Run format = CommandLineTest.run("dhcp-config", "--config", cfg.toString(), "--format", "infoblox");
        assertThat(format.code()).isEqualTo(2);
        assertThat(format.err()).contains("use isc, dnsmasq, dnsmasq-proxy or kea");

        CommandLineTest.Run half = CommandLineTest.run("dhcp-config", "--config", cfg.toString(), "--format", "isc",
                "--subnet", "192.0.2.0/24");
        assertThat(half.code()).isEqualTo(2);
        assertThat(half.err()).contains("--subnet and --range go together");

        CommandLineTest.Run outside = CommandLineTest.run("dhcp-config", "--config", cfg.toString(), "--format", "isc",
                "--subnet", "192.0.2.0/24", "--range", "192.0.3.1-192.0.3.9");
        assertThat(outside.err()).contains("192.0.3.1 is not in 192.0.2.0/24");
    }
}
