package org.bootproxy.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.bootproxy.boot.HostConfigTree;
import org.bootproxy.boot.HostConfigTree.LoaderQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Foreman 3.14 host folder, name for name and link for link as smart-proxy writes it. The expected values are
 * taken from smart-proxy's modules/tftp/server.rb (class Pxegrub2: pxeconfig_dir, pxeconfig_file, bootloader_path,
 * default_symlinks, bootloader_universe_symlinks, create_symlinks, del, delete_host_dir; pull request 877) and its
 * test/tftp/tftp_server_test.rb (TftpPxegrub2ServerTest: MAC aa:bb:cc:dd:ee:ff, os redhat, release 9.4, arch x86_64,
 * bootfile_suffix x64).
 */
class HostConfigFolderTest {
    static final PxeMac MAC = new PxeMac("aa:bb:cc:dd:ee:ff");
    static final LoaderQuery REDHAT = new LoaderQuery("redhat", "9.4", "x86_64", "x64");

    @TempDir
    Path root;
    HostConfigFolder folder;

    @BeforeEach
    void folder() {
        folder = new HostConfigFolder(new TftpRootFiles(root));
    }

    private Path inFolder(String name) {
        return root.resolve("host-config/aa-bb-cc-dd-ee-ff/grub2").resolve(name);
    }

    private static String linkTarget(Path link) throws Exception {
        assertThat(link).as(link + " is a symlink").isSymbolicLink();
        return Files.readSymbolicLink(link).toString();
    }

    private String[] folderNames() throws Exception {
        try (Stream<Path> s = Files.list(root.resolve("host-config/aa-bb-cc-dd-ee-ff/grub2"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void theFiveConfigFilesAreSmartProxysPxeconfigFileInItsOrder() {
        // test_set / setup_paths: @pxe_config_files
        assertThat(PxeVariant.PXEGRUB2.files(MAC)).containsExactly(
                "host-config/aa-bb-cc-dd-ee-ff/grub2/grub.cfg",
                "host-config/aa-bb-cc-dd-ee-ff/grub2/grub.cfg-01-aa-bb-cc-dd-ee-ff",
                "host-config/aa-bb-cc-dd-ee-ff/grub2/grub.cfg-aa:bb:cc:dd:ee:ff",
                "grub2/grub.cfg-01-aa-bb-cc-dd-ee-ff",
                "grub2/grub.cfg-aa:bb:cc:dd:ee:ff");
        assertThat(PxeVariant.PXEGRUB2.defaults()).containsExactly("grub2/grub.cfg");
        // test_pxeconfig_dir
        assertThat(HostConfigTree.folder(MAC.hyphens())).isEqualTo("host-config/aa-bb-cc-dd-ee-ff/grub2");
        assertThat(HostConfigTree.folder("AA-BB-CC-DD-EE-FF")).as("downcase").isEqualTo("host-config/aa-bb-cc-dd-ee-ff/grub2");
    }

    @Test
    void withoutAUniverseTheFourDefaultLinksPointIntoGrub2() throws Exception {
        // test_default_symlinks: boot.efi and grub<suffix>.efi -> grub2/grub<suffix>.efi, boot-sb.efi and shim<suffix>.efi -> grub2/shim<suffix>.efi
        assertThat(HostConfigTree.defaultLinks("x64")).containsExactly(
                Map.entry("boot.efi", "grub2/grubx64.efi"), Map.entry("grubx64.efi", "grub2/grubx64.efi"),
                Map.entry("boot-sb.efi", "grub2/shimx64.efi"), Map.entry("shimx64.efi", "grub2/shimx64.efi"));
        Files.createDirectories(root.resolve("grub2"));
        Files.writeString(root.resolve("grub2/shimx64.efi"), "shim");

        folder.setUp(MAC, REDHAT);

        assertThat(folderNames()).containsExactly("boot-sb.efi", "boot.efi", "grubx64.efi", "shimx64.efi");
        // test_create_symlinks: relative to the link's folder
        assertThat(linkTarget(inFolder("shimx64.efi"))).isEqualTo("../../../grub2/shimx64.efi");
        assertThat(linkTarget(inFolder("boot-sb.efi"))).isEqualTo("../../../grub2/shimx64.efi");
        assertThat(linkTarget(inFolder("boot.efi"))).isEqualTo("../../../grub2/grubx64.efi");
        assertThat(linkTarget(inFolder("grubx64.efi"))).isEqualTo("../../../grub2/grubx64.efi");
        assertThat(inFolder("shimx64.efi")).hasContent("shim");
    }

    @Test
    void theReleasesUniverseFolderWinsThenTheOsDefaultAndEveryEfiInItIsLinked() throws Exception {
        // test_release_specific_bootloader_path / test_default_bootloader_path
        assertThat(HostConfigTree.universeDirs("redhat", "9.4", "x86_64")).containsExactly(
                "bootloader-universe/pxegrub2/redhat/9.4/x86_64", "bootloader-universe/pxegrub2/redhat/default/x86_64");
        Path fallback = Files.createDirectories(root.resolve("bootloader-universe/pxegrub2/redhat/default/x86_64"));
        Files.writeString(fallback.resolve("shimx64.efi"), "rh shim");
        Files.writeString(fallback.resolve("grubx64.efi"), "rh grub");
        Files.writeString(fallback.resolve("README"), "not a boot loader");

        folder.setUp(MAC, REDHAT);
        // test_bootloader_universe_symlinks: *.efi under their own names, nothing else
        assertThat(folderNames()).containsExactly("grubx64.efi", "shimx64.efi");
        assertThat(linkTarget(inFolder("shimx64.efi"))).isEqualTo("../../../bootloader-universe/pxegrub2/redhat/default/x86_64/shimx64.efi");
        assertThat(inFolder("grubx64.efi")).hasContent("rh grub");

        Path release = Files.createDirectories(root.resolve("bootloader-universe/pxegrub2/redhat/9.4/x86_64"));
        Files.writeString(release.resolve("shimx64.efi"), "9.4 shim");
        folder.setUp(MAC, REDHAT);
        assertThat(folderNames()).as("the old *.efi are removed first").containsExactly("shimx64.efi");
        assertThat(inFolder("shimx64.efi")).hasContent("9.4 shim");
    }

    @Test
    void settingUpAgainReplacesTheLinksButKeepsTheConfigs() throws Exception {
        new TftpRootFiles(root).write("host-config/aa-bb-cc-dd-ee-ff/grub2/grub.cfg", "set timeout=5\n".getBytes());
        folder.setUp(MAC, new LoaderQuery("debian", "12", "aarch64", "aa64"));
        folder.setUp(MAC, REDHAT);
        assertThat(folderNames()).containsExactly("boot-sb.efi", "boot.efi", "grub.cfg", "grubx64.efi", "shimx64.efi");
    }

    @Test
    void aQueryThatWouldLeaveTheUniverseIsNotSearched() throws Exception {
        Files.createDirectories(root.resolve("bootloader-universe/pxegrub2/x/default/x86_64"));
        assertThat(new LoaderQuery("../../..", "9", "x86_64", "x64").canSearchUniverse()).isFalse();
        assertThat(new LoaderQuery("", "9", "x86_64", "x64").canSearchUniverse()).isFalse();
        folder.setUp(MAC, new LoaderQuery("..", "..", "x86_64", "x64"));
        assertThat(folderNames()).containsExactly("boot-sb.efi", "boot.efi", "grubx64.efi", "shimx64.efi");
    }

    @Test
    void removeDeletesTheHostDirectoryWithoutFollowingItsLinks() throws Exception {
        Files.createDirectories(root.resolve("grub2"));
        Files.writeString(root.resolve("grub2/shimx64.efi"), "shim");
        folder.setUp(MAC, REDHAT);
        new TftpRootFiles(root).write("host-config/aa-bb-cc-dd-ee-ff/grub2/grub.cfg", "x".getBytes());

        // del -> delete_host_dir: rm -rf host-config/<mac>
        assertThat(folder.remove(MAC)).isTrue();
        assertThat(root.resolve("host-config/aa-bb-cc-dd-ee-ff")).doesNotExist();
        assertThat(root.resolve("host-config")).isDirectory();
        assertThat(root.resolve("grub2/shimx64.efi")).as("the link target stays").hasContent("shim");
        assertThat(folder.remove(MAC)).as("nothing left to remove is no error").isFalse();
    }

    @Test
    void aHostDirectoryThatIsASymlinkIsRemovedAsALinkOnly() throws Exception {
        Path elsewhere = Files.createDirectories(root.getParent().resolve("elsewhere-" + root.getFileName()));
        Files.writeString(elsewhere.resolve("keep"), "keep");
        Files.createDirectories(root.resolve("host-config"));
        Files.createSymbolicLink(root.resolve("host-config/aa-bb-cc-dd-ee-ff"), elsewhere);
        assertThat(folder.remove(MAC)).isTrue();
        assertThat(elsewhere.resolve("keep")).hasContent("keep");
    }
}
