package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client (curl, atftp, tftp-hpa's tftp) and keeps its exit code and output. */
public record ExternalProcess(int exitCode, String output) {

    /** Runs command in workDir; its output goes through a temporary file there, removed once it is read. */
    public static ExternalProcess run(Path workDir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "client", ".log");
        try {
            Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                throw new AssertionError("still running after 180 s: " + command + "\n" + Files.readString(log));
            }
            return new ExternalProcess(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Fails with the Debian package to install when a client program is missing. */
    public static void requireProgram(String path, String debianPackage) {
        assertThat(Path.of(path)).as(path + " is missing: apt-get install -y " + debianPackage).isExecutable();
    }
}
