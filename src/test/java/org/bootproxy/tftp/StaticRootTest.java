package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticRootTest {

    @TempDir
    Path dir;
    Path root;
    StaticRoot staticRoot;

    @BeforeEach
    void files() throws Exception {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        Files.createDirectories(root.resolve("pxelinux.cfg"));
        Files.writeString(root.resolve("pxelinux.0"), "loader");
        Files.writeString(root.resolve("pxelinux.cfg/default"), "DEFAULT local");
        Files.writeString(dir.resolve("secret"), "outside");
        staticRoot = new StaticRoot(root);
    }

    private static String clean(String name) throws StaticRoot.BadName {
        return StaticRoot.clean(name.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void namesWithAndWithoutLeadingSlashMeanTheSameFile() throws Exception {
        assertThat(clean("pxelinux.cfg/default")).isEqualTo("pxelinux.cfg/default");
        assertThat(clean("/pxelinux.cfg/default")).isEqualTo("pxelinux.cfg/default");
        assertThat(clean("//pxelinux.cfg//./default")).isEqualTo("pxelinux.cfg/default");
    }

    @Test
    void backslashesAreSeparators() throws Exception {
        assertThat(clean("\\pxelinux.cfg\\default")).isEqualTo("pxelinux.cfg/default");
    }

    @Test
    void trailingNulAndFfBytesFromOldRomsAreDropped() throws Exception {
        assertThat(clean("pxelinux.0\u00ff")).isEqualTo("pxelinux.0");
        assertThat(clean("pxelinux.0\u0000\u00ff\u00ff")).isEqualTo("pxelinux.0");
    }

    @Test
    void utf8NamesAreDecoded() throws Exception {
        assertThat(StaticRoot.clean("café.txt".getBytes(StandardCharsets.UTF_8))).isEqualTo("café.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "/../secret", "pxelinux.cfg/../../secret", "..\\secret", "\\..\\..\\etc\\passwd",
            "a/../pxelinux.0", "..", "./../secret", "pxelinux.cfg/..\\..\\secret"})
    void everyDotDotIsRefused(String name) {
        assertThatThrownBy(() -> clean(name)).isInstanceOf(StaticRoot.BadName.class).hasMessageContaining("..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pxe\u0000linux.0", "pxelinux.0\nDEFAULT", "a\u0007b", "a\u007fb"})
    void controlCharactersInsideTheNameAreRefused(String name) {
        assertThatThrownBy(() -> clean(name)).isInstanceOf(StaticRoot.BadName.class);
    }

    @Test
    void existingFileIsFoundWithItsSize() {
        assertThat(staticRoot.lookup("pxelinux.0")).isInstanceOfSatisfying(StaticRoot.Found.class,
                f -> assertThat(f.size()).isEqualTo(6));
    }

    @Test
    void absoluteNamesStayUnderTheRoot() throws Exception {
        assertThat(staticRoot.lookup(clean("/etc/passwd"))).isInstanceOf(StaticRoot.Missing.class);
    }

    @Test
    void missingFileAndDirectoryAreNotFound() {
        assertThat(staticRoot.lookup("nope")).isInstanceOf(StaticRoot.Missing.class);
        assertThat(staticRoot.lookup("pxelinux.cfg")).isInstanceOf(StaticRoot.Missing.class);
        assertThat(staticRoot.lookup("")).isInstanceOf(StaticRoot.Missing.class);
    }

    @Test
    void symlinkLeadingOutOfTheRootIsDenied() throws Exception {
        Files.createSymbolicLink(root.resolve("escape"), dir.resolve("secret"));
        Files.createSymbolicLink(root.resolve("up"), dir);
        assertThat(staticRoot.lookup("escape")).isInstanceOf(StaticRoot.Denied.class);
        assertThat(staticRoot.lookup("up/secret")).isInstanceOf(StaticRoot.Denied.class);
    }

    @Test
    void symlinkInsideTheRootIsFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("undionly-ipxe.0"), root.resolve("pxelinux.0"));
        assertThat(staticRoot.lookup("undionly-ipxe.0")).isInstanceOf(StaticRoot.Found.class);
    }

    @Test
    void rootThatIsItselfASymlinkStillServes() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link-to-root"), root);
        assertThat(new StaticRoot(link).lookup("pxelinux.0")).isInstanceOf(StaticRoot.Found.class);
    }

    @Test
    void missingRootMeansEveryFileIsMissing() {
        assertThat(new StaticRoot(dir.resolve("absent")).lookup("pxelinux.0")).isInstanceOf(StaticRoot.Missing.class);
    }
}
