package org.bootproxy.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TftpRootFilesTest {
    @TempDir
    Path dir;
    Path root;
    TftpRootFiles files;

    @BeforeEach
    void root() throws Exception {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        files = new TftpRootFiles(root);
    }

    @Test
    void writeCreatesTheFoldersAndLeavesNoTemporaryFileBehind() throws Exception {
        files.write("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff", "DEFAULT local\n".getBytes(StandardCharsets.UTF_8));
        files.write("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff", "DEFAULT linux\n".getBytes(StandardCharsets.UTF_8));

        assertThat(root.resolve("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")).hasContent("DEFAULT linux\n");
        try (Stream<Path> all = Files.list(root.resolve("pxelinux.cfg"))) {
            assertThat(all.map(p -> p.getFileName().toString())).containsExactly("01-aa-bb-cc-dd-ee-ff");
        }
        assertThat(files.read("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")).hasValueSatisfying(
                b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("DEFAULT linux\n"));
    }

    @Test
    void namesThatLeaveTheRootAreRefused() {
        for (String name : new String[] {"../escape", "boot/../../escape", "/etc/passwd", ""}) {
            assertThatThrownBy(() -> files.write(name, new byte[] {1})).as(name).isInstanceOf(org.bootproxy.support.ConfinedRoot.OutsideRoot.class);
        }
        assertThat(dir.resolve("escape")).doesNotExist();
    }

    @Test
    void aSymlinkedFolderLeadingOutsideIsNotWrittenThrough() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(root.resolve("boot"), outside);

        assertThatThrownBy(() -> files.write("boot/x-vmlinuz", new byte[] {1})).isInstanceOf(org.bootproxy.support.ConfinedRoot.OutsideRoot.class);
        assertThat(outside.resolve("x-vmlinuz")).doesNotExist();
    }

    @Test
    void aSymlinkedFileLeadingOutsideIsNotRead() throws Exception {
        Files.writeString(dir.resolve("secret"), "secret");
        Files.createDirectories(root.resolve("pxelinux.cfg"));
        Files.createSymbolicLink(root.resolve("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff"), dir.resolve("secret"));

        assertThatThrownBy(() -> files.read("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("outside the TFTP root");
    }

    @Test
    void deletingAMissingFileIsNoError() throws Exception {
        assertThat(files.delete("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")).isFalse();
        files.write("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff", new byte[] {1});
        assertThat(files.delete("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")).isTrue();
        assertThat(files.read("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")).isEmpty();
    }

    @Test
    void aMissingRootIsSaidSo() {
        TftpRootFiles none = new TftpRootFiles(dir.resolve("nope"));
        assertThatThrownBy(() -> none.write("pxelinux.cfg/default", new byte[] {1})).hasMessageContaining("TFTP root does not exist");
    }
}
