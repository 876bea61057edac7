package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfinedRootTest {

    @TempDir
    Path dir;
    Path root;
    ConfinedRoot confined;

    @BeforeEach
    void files() throws Exception {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        Files.createDirectories(root.resolve("pxelinux.cfg"));
        Files.writeString(root.resolve("pxelinux.0"), "loader");
        Files.writeString(root.resolve("pxelinux.cfg/default"), "DEFAULT local");
        Files.writeString(dir.resolve("secret"), "outside");
        confined = new ConfinedRoot(root, "TFTP root");
    }

    private static RootName name(String text) throws RootName.BadName {
        return RootName.parse(text);
    }

    @Test
    void existingFileIsFoundWithItsSize() throws Exception {
        assertThat(confined.lookup(name("pxelinux.0"))).isInstanceOfSatisfying(ConfinedRoot.Found.class,
                f -> assertThat(f.size()).isEqualTo(6));
    }

    @Test
    void absoluteNamesStayUnderTheRoot() throws Exception {
        assertThat(confined.lookup(name("/etc/passwd"))).isInstanceOf(ConfinedRoot.Missing.class);
    }

    @Test
    void missingFileFolderAndTheRootItselfAreNotFound() throws Exception {
        assertThat(confined.lookup(name("nope"))).isInstanceOf(ConfinedRoot.Missing.class);
        assertThat(confined.lookup(name("pxelinux.cfg"))).isInstanceOf(ConfinedRoot.Missing.class);
        assertThat(confined.lookup(name(""))).isInstanceOf(ConfinedRoot.Missing.class);
    }

    @Test
    void hiddenFilesAndFilesBeingWrittenAreNeverServed() throws Exception {
        Files.writeString(root.resolve(".htaccess"), "x");
        String temp = TempName.fresh("pxelinux.0").fileName();
        Files.writeString(root.resolve(temp), "half a file");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "x");

        assertThat(confined.lookup(name(".htaccess"))).isInstanceOf(ConfinedRoot.Missing.class);
        assertThat(confined.lookup(name(temp))).isInstanceOf(ConfinedRoot.Missing.class);
        assertThat(confined.lookup(name(".git/config"))).isInstanceOf(ConfinedRoot.Missing.class);
    }

    @Test
    void symlinkLeadingOutOfTheRootIsDenied() throws Exception {
        Files.createSymbolicLink(root.resolve("escape"), dir.resolve("secret"));
        Files.createSymbolicLink(root.resolve("up"), dir);
        assertThat(confined.lookup(name("escape"))).isInstanceOfSatisfying(ConfinedRoot.Denied.class,
                d -> assertThat(d.why()).isEqualTo(ConfinedRoot.Why.OUTSIDE));
        assertThat(confined.lookup(name("up/secret"))).isInstanceOf(ConfinedRoot.Denied.class);
    }

    @Test
    void symlinkInsideTheRootIsFollowed() throws Exception {
        Files.createSymbolicLink(root.resolve("undionly-ipxe.0"), root.resolve("pxelinux.0"));
        assertThat(confined.lookup(name("undionly-ipxe.0"))).isInstanceOf(ConfinedRoot.Found.class);
    }

    @Test
    void rootThatIsItselfASymlinkStillServes() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link-to-root"), root);
        assertThat(new ConfinedRoot(link, "TFTP root").lookup(name("pxelinux.0"))).isInstanceOf(ConfinedRoot.Found.class);
    }

    @Test
    void missingRootMeansEveryFileIsMissingAndSaysSo() throws Exception {
        assertThat(new ConfinedRoot(dir.resolve("absent"), "TFTP root").lookup(name("pxelinux.0")))
                .isEqualTo(new ConfinedRoot.Missing("the TFTP root does not exist (yet)"));
        assertThat(confined.lookup(name("nope"))).isEqualTo(new ConfinedRoot.Missing("not in the TFTP root"));
    }

    @Test
    void aRootThatAppearsLaterIsServedFromThen() throws Exception {
        ConfinedRoot later = new ConfinedRoot(dir.resolve("later"), "TFTP root");
        assertThat(later.lookup(name("pxelinux.0"))).isInstanceOf(ConfinedRoot.Missing.class);

        Files.writeString(Files.createDirectories(dir.resolve("later")).resolve("pxelinux.0"), "loader");

        assertThat(later.lookup(name("pxelinux.0"))).isInstanceOf(ConfinedRoot.Found.class);
    }

    @Test
    void unreadableFileIsDeniedAsUnreadable() throws Exception {
        Path locked = Files.writeString(root.resolve("locked"), "x");
        assertThat(locked.toFile().setReadable(false, false)).isTrue();
        try {
            if (Files.isReadable(locked)) {
                return; // running as root: nothing is unreadable, the rule cannot show here (and does not matter)
            }
            assertThat(confined.lookup(name("locked"))).isInstanceOfSatisfying(ConfinedRoot.Denied.class,
                    d -> assertThat(d.why()).isEqualTo(ConfinedRoot.Why.UNREADABLE));
        } finally {
            locked.toFile().setReadable(true, false);
        }
    }

    @Test
    void writeTargetsStayInside() throws Exception {
        assertThat(confined.resolve(name("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff")))
                .isEqualTo(root.toAbsolutePath().resolve("pxelinux.cfg/01-aa-bb-cc-dd-ee-ff"));
        assertThatThrownBy(() -> confined.resolve(name(""))).isInstanceOf(ConfinedRoot.OutsideRoot.class);
    }

    @Test
    void aSymlinkedFolderLeadingOutsideIsNotWrittenThrough() throws Exception {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.createSymbolicLink(root.resolve("boot"), outside);
        assertThatThrownBy(() -> confined.resolve(name("boot/x-vmlinuz")))
                .isInstanceOf(ConfinedRoot.OutsideRoot.class).hasMessageContaining("outside the TFTP root");
        assertThatThrownBy(() -> confined.resolve(name("boot/new/x-vmlinuz"))).isInstanceOf(ConfinedRoot.OutsideRoot.class);
    }

    @Test
    void foldersAreCreatedInsideOnly() throws Exception {
        Path target = confined.createFolders(confined.resolve(name("grub2/x/grub.cfg")));
        assertThat(target.getParent()).isDirectory();
    }

    @Test
    void aMissingRootIsSaidSoWhenWriting() {
        ConfinedRoot none = new ConfinedRoot(dir.resolve("nope"), "TFTP root");
        assertThatThrownBy(() -> none.resolve(name("pxelinux.cfg/default")))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("TFTP root does not exist");
    }
}
