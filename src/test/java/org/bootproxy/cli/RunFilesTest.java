package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pid and reload-status files 'bootproxy reload' reads: written whole, read back as written. */
class RunFilesTest {
    @TempDir
    Path dir;

    @Test
    void aRefusalWhoseMessageSpansLinesIsReadBackOnOneLine() throws Exception {
        RunFiles run = new RunFiles(dir.resolve("state"));
        run.writePid(4242);
        run.writeStatus(new RunFiles.Status(3, false, "reload refused: bootproxy.yaml line 4:\n  tftp.max_blksize: not a number"));

        assertThat(run.pid()).isEqualTo(OptionalLong.of(4242));
        assertThat(run.status()).contains(new RunFiles.Status(3, false,
                "reload refused: bootproxy.yaml line 4: tftp.max_blksize: not a number"));
    }

    @Test
    void writingLeavesOnlyThePidAndStatusFiles() throws Exception {
        RunFiles run = new RunFiles(dir);
        run.writePid(4242);
        run.writeStatus(new RunFiles.Status(1, true, "applied hosts"));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(RunFiles.PID, RunFiles.STATUS);
        }
    }
}
