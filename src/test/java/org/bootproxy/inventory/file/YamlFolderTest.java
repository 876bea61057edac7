package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.bootproxy.fakes.MutableClock;
import org.bootproxy.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rescan of a folder whose own stamp is unchanged trusts its last listing and looks at each plain file by time and
 * size only: every kind of edit must still be seen.
 */
class YamlFolderTest {
    @TempDir
    Path dir;

    /** A minute ahead of the files' times: nothing written here counts as just changed, so the quick look is used. */
    private final MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofMinutes(1)));

    private YamlFolder folder() {
        YamlFolder folder = new YamlFolder(dir, YamlFolder.GROUPS, clock, 1024 * 1024, false);
        folder.rescan();
        return folder;
    }

    private String sha(YamlFolder folder, String name) {
        return folder.file(dir.resolve(name)).map(YamlFolder.YamlFile::sha).orElse("none");
    }

    private static String sha(String text) {
        return Sha256.of(text.getBytes(StandardCharsets.UTF_8)).hex();
    }

    @Test
    void anEditInPlaceIsSeenThoughTheFolderIsUnchanged() throws Exception {
        Path file = Files.writeString(dir.resolve("web.yaml"), "medium: http://a.example.com/os\n");
        FileTime written = Files.getLastModifiedTime(file);
        YamlFolder folder = folder();
        FileTime folderTime = Files.getLastModifiedTime(dir);

        Files.writeString(file, "medium: http://b.example.com/os\n"); // same size, same inode
        Files.setLastModifiedTime(file, FileTime.from(written.toInstant().plusSeconds(5)));
        Files.setLastModifiedTime(dir, folderTime);

        assertThat(folder.rescan()).isTrue();
        assertThat(sha(folder, "web.yaml")).isEqualTo(sha("medium: http://b.example.com/os\n"));
        assertThat(folder.rescan()).as("and nothing more").isFalse();
    }

    @Test
    void aFileReplacedByRenameWithTheSameTimeAndSizeIsSeen() throws Exception {
        Path file = Files.writeString(dir.resolve("web.yaml"), "medium: http://a.example.com/os\n");
        YamlFolder folder = folder();

        Path next = Files.writeString(dir.resolve(".web.yaml.new"), "medium: http://b.example.com/os\n");
        Files.setLastModifiedTime(next, Files.getLastModifiedTime(file));
        Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);

        assertThat(folder.rescan()).isTrue();
        assertThat(sha(folder, "web.yaml")).isEqualTo(sha("medium: http://b.example.com/os\n"));
    }

    @Test
    void aSymlinkWhoseTargetIsReplacedInASubfolderIsSeen() throws Exception {
        Path target = Files.writeString(Files.createDirectory(dir.resolve("real")).resolve("web.yaml"),
                "medium: http://a.example.com/os\n");
        Files.createSymbolicLink(dir.resolve("web.yaml"), Path.of("real/web.yaml"));
        YamlFolder folder = folder();
        FileTime folderTime = Files.getLastModifiedTime(dir);

        Path next = Files.writeString(dir.resolve("real/.web.yaml.new"), "medium: http://b.example.com/os\n");
        Files.setLastModifiedTime(next, Files.getLastModifiedTime(target));
        Files.move(next, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(dir, folderTime);

        assertThat(folder.rescan()).isTrue();
        assertThat(sha(folder, "web.yaml")).isEqualTo(sha("medium: http://b.example.com/os\n"));
    }

    @Test
    void aDanglingSymlinkIsReadOnceItsTargetAppears() throws Exception {
        Files.createDirectory(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("web.yaml"), Path.of("real/web.yaml"));
        YamlFolder folder = folder();
        assertThat(folder.files()).isEmpty();
        FileTime folderTime = Files.getLastModifiedTime(dir);

        Files.writeString(dir.resolve("real/web.yaml"), "medium: http://a.example.com/os\n");
        Files.setLastModifiedTime(dir, folderTime);

        assertThat(folder.rescan()).isTrue();
        assertThat(sha(folder, "web.yaml")).isEqualTo(sha("medium: http://a.example.com/os\n"));
    }

    @Test
    void filesAddedAndRemovedAreSeen() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "medium: http://a.example.com/os\n");
        YamlFolder folder = folder();

        Files.writeString(dir.resolve("b.yaml"), "medium: http://b.example.com/os\n");
        assertThat(folder.rescan()).isTrue();
        assertThat(folder.files()).hasSize(2);

        Files.delete(dir.resolve("a.yaml"));
        assertThat(folder.rescan()).isTrue();
        assertThat(folder.files()).extracting(f -> f.path().getFileName().toString()).containsExactly("b.yaml");
    }
}
