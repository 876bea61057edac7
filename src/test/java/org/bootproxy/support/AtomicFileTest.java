package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    /** Above Linux's largest possible pid_max (2^22): no process ever has it. */
    static final long NO_SUCH_PID = 4_194_305L;

    @TempDir
    Path dir;

    @Test
    void writeReplacesTheFileAndLeavesNothingBeside() throws Exception {
        Path target = dir.resolve("01-aa-bb-cc-dd-ee-ff");
        AtomicFile.write(target, "DEFAULT local\n".getBytes(StandardCharsets.UTF_8));
        AtomicFile.write(target, "DEFAULT linux\n".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("DEFAULT linux\n");
        assertThat(names(dir)).containsExactly("01-aa-bb-cc-dd-ee-ff");
    }

    @Test
    void aFailedFillLeavesTheOldFileAndNoTemporaryOne() throws Exception {
        Path target = Files.writeString(dir.resolve("grub.cfg"), "old");
        assertThatThrownBy(() -> AtomicFile.replace(target, temp -> {
            Files.writeString(temp, "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(target).hasContent("old");
        assertThat(names(dir)).containsExactly("grub.cfg");
    }

    @Test
    void theTemporaryFileIsHiddenBesideTheTarget() throws Exception {
        Path target = dir.resolve("vmlinuz");
        Path temp = AtomicFile.createTemp(target);
        assertThat(temp.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(TempName.parse(temp.getFileName().toString())).isPresent();
        Files.writeString(temp, "kernel");
        AtomicFile.commit(temp, target);
        assertThat(target).hasContent("kernel");
        assertThat(temp).doesNotExist();
    }

    @Test
    void abandonedTemporaryFilesAreRemovedInEveryFolder() throws Exception {
        long dead = NO_SUCH_PID;
        Path sub = Files.createDirectories(dir.resolve("pxelinux.cfg"));
        Path left1 = Files.writeString(dir.resolve(new TempName("pxelinux.0", dead, "0badf00d").fileName()), "half");
        Path left2 = Files.writeString(sub.resolve(new TempName("default", dead, "00c0ffee").fileName()), "half");
        Path mineOld = Files.writeString(sub.resolve(new TempName("x", ProcessHandle.current().pid(), "0000abcd").fileName()), "half");
        Files.setLastModifiedTime(mineOld, FileTime.from(Instant.parse("2000-01-01T00:00:00Z")));
        Path beingWritten = Files.writeString(dir.resolve(TempName.fresh("ldlinux.c32").fileName()), "in progress");
        Path kept = Files.writeString(dir.resolve(".keep"), "operator's");

        AtomicFile.Cleanup c = AtomicFile.removeAbandoned(dir);

        assertThat(c.removed()).containsExactlyInAnyOrder(left1, left2, mineOld);
        assertThat(c.problems()).isEmpty();
        assertThat(beingWritten).as("this process is still writing it").exists();
        assertThat(kept).exists();
    }

    @Test
    void cleaningAMissingFolderDoesNothing() {
        assertThat(AtomicFile.removeAbandoned(dir.resolve("absent")).removed()).isEmpty();
    }

    private static Stream<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList().stream();
        }
    }
}
