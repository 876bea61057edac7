package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BootfilesCommandTest {

    @TempDir
    Path dir;

    @Test
    void reportsWhatIsMissingAndExitsNonZero() throws Exception {
        Path distro = dir.resolve("distro");
        Files.createDirectories(distro.resolve("usr/lib/ipxe"));
        Files.writeString(distro.resolve("usr/lib/ipxe/undionly.kpxe"), "ipxe");
        StringWriter out = new StringWriter();
        int code = new CommandLine(new BootfilesCommand()).setOut(new PrintWriter(out))
                .execute("--tftp-root", dir.resolve("tftpboot").toString(), "--from", distro.toString());
        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("copied   undionly-ipxe.0").contains("apt-get install -y ipxe pxelinux syslinux-common");
        assertThat(dir.resolve("tftpboot/undionly-ipxe.0")).hasContent("ipxe");
    }

    @Test
    void fillsTheTftpRootItsConfigNames() throws Exception {
        Path distro = dir.resolve("distro");
        Files.createDirectories(distro.resolve("usr/lib/ipxe"));
        Files.writeString(distro.resolve("usr/lib/ipxe/undionly.kpxe"), "ipxe");
        Path etc = Files.createDirectories(dir.resolve("etc"));
        Files.writeString(etc.resolve("bootproxy.yaml"), "tftproot: tftp-root-of-the-config\n");
        StringWriter out = new StringWriter();
        new CommandLine(new BootfilesCommand()).setOut(new PrintWriter(out))
                .execute("--config", etc.resolve("bootproxy.yaml").toString(), "--from", distro.toString());
        assertThat(etc.resolve("tftp-root-of-the-config/undionly-ipxe.0")).as(out.toString()).hasContent("ipxe");
    }
}
