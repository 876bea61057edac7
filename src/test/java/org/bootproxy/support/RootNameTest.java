package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RootNameTest {

    private static String tftp(String sent) throws RootName.BadName {
        return RootName.ofTftp(sent.getBytes(StandardCharsets.ISO_8859_1)).path();
    }

    @Test
    void namesWithAndWithoutLeadingSlashMeanTheSameFile() throws Exception {
        assertThat(tftp("pxelinux.cfg/default")).isEqualTo("pxelinux.cfg/default");
        assertThat(tftp("/pxelinux.cfg/default")).isEqualTo("pxelinux.cfg/default");
        assertThat(tftp("//pxelinux.cfg//./default")).isEqualTo("pxelinux.cfg/default");
    }

    @Test
    void backslashesAreSeparators() throws Exception {
        assertThat(tftp("\\pxelinux.cfg\\default")).isEqualTo("pxelinux.cfg/default");
    }

    @Test
    void trailingNulAndFfBytesFromOldRomsAreDropped() throws Exception {
        assertThat(tftp("pxelinux.0\u00ff")).isEqualTo("pxelinux.0");
        assertThat(tftp("pxelinux.0\u0000\u00ff\u00ff")).isEqualTo("pxelinux.0");
    }

    @Test
    void utf8NamesAreDecoded() throws Exception {
        assertThat(RootName.ofTftp("café.txt".getBytes(StandardCharsets.UTF_8)).path()).isEqualTo("café.txt");
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        assertThatThrownBy(() -> RootName.ofTftp(new byte[] {'c', 'a', 'f', (byte) 0xe9}))
                .isInstanceOf(RootName.BadName.class).hasMessageContaining("not valid UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../secret", "/../secret", "pxelinux.cfg/../../secret", "..\\secret", "\\..\\..\\etc\\passwd",
            "a/../pxelinux.0", "..", "./../secret", "pxelinux.cfg/..\\..\\secret"})
    void everyDotDotIsRefused(String name) {
        assertThatThrownBy(() -> tftp(name)).isInstanceOf(RootName.BadName.class).hasMessageContaining("..");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pxe\u0000linux.0", "pxelinux.0\nDEFAULT", "a\u0007b", "a\u007fb", "a\u0085b"})
    void controlCharactersInsideTheNameAreRefused(String name) {
        assertThatThrownBy(() -> RootName.parse(name)).isInstanceOf(RootName.BadName.class);
    }

    @Test
    void uriPathSegmentsAreDecodedOnce() throws Exception {
        assertThat(RootName.ofUriPath("alma/9/vmlinuz").segments()).isEqualTo(List.of("alma", "9", "vmlinuz"));
        assertThat(RootName.ofUriPath("a%20b/c+d//e").segments()).isEqualTo(List.of("a b", "c+d", "e"));
        assertThat(RootName.ofUriPath("%2525").segments()).isEqualTo(List.of("%25"));
        assertThat(RootName.ofUriPath("a/%2e/b").path()).as("a '.' segment means this folder, encoded or not").isEqualTo("a/b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "a/../b", "%2e%2e", "%2E.", "a%2fb", "a%5cb", "%00", "a%0Ab", "%zz", "%4", "%C3%28"})
    void encodedTraversalHiddenSeparatorsAndBadEscapesAreRefused(String raw) {
        assertThatThrownBy(() -> RootName.ofUriPath(raw)).isInstanceOf(RootName.BadName.class);
    }

    @Test
    void theSameNameReadsTheSameOverBothTransports() throws Exception {
        assertThat(RootName.ofUriPath("grub2/grub.cfg")).isEqualTo(RootName.ofTftp("grub2/grub.cfg\0".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void hiddenMeansAnySegmentStartsWithADot() throws Exception {
        assertThat(RootName.parse("grub2/.grub.cfg.4711-0badf00d.bootproxy-tmp").hidden()).isTrue();
        assertThat(RootName.parse(".git/config").hidden()).isTrue();
        assertThat(RootName.parse("grub2/grub.cfg").hidden()).isFalse();
    }

    @Test
    void relativeNamesRefuseAbsoluteAndEmptyOnes() throws Exception {
        assertThat(RootName.parseRelative("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff").path()).isEqualTo("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff");
        for (String bad : new String[] {"/etc/passwd", "\\etc", "", "./"}) {
            assertThatThrownBy(() -> RootName.parseRelative(bad)).as(bad).isInstanceOf(RootName.BadName.class);
        }
    }

    @Test
    void aNameCannotBeBuiltAroundTheRules() {
        assertThatThrownBy(() -> new RootName(List.of("a", ".."))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RootName(List.of("a/b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RootName(List.of("a\0"))).isInstanceOf(IllegalArgumentException.class);
    }
}
