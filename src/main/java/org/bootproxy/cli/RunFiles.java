package org.bootproxy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.support.OneLine;

/**
 * The files {@code serve} keeps in the state folder so {@code bootproxy reload} can find it and read how its
 * reload went: {@code bootproxy.pid} (written once serving, removed at stop) and {@code reload.status}
 * (rewritten after every reload: a counter, {@code applied} or {@code refused}, and the message logged).
 */
final class RunFiles {
    static final String PID = "bootproxy.pid";
    static final String STATUS = "reload.status";

    /**
     * How the last reload went.
     *
     * @param count   reloads handled since the server started (1 for the first)
     * @param applied false when the new configuration was refused and the previous one kept serving
     * @param message what was logged
     */
    record Status(long count, boolean applied, String message) {
        Status {
            message = OneLine.of(message, 4000); // the third line of the file: one line, whatever the message held
        }

        String text() {
            return count + "\n" + (applied ? "applied" : "refused") + "\n" + message + "\n";
        }

        static Optional<Status> parse(String text) {
            String[] lines = text.split("\n", 3);
            if (lines.length < 3) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Status(Long.parseLong(lines[0].trim()), lines[1].trim().equals("applied"),
                        lines[2].strip()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    private final Path dir;

    RunFiles(Path stateDir) {
        this.dir = stateDir;
    }

    Path pidFile() {
        return dir.resolve(PID);
    }

    Path statusFile() {
        return dir.resolve(STATUS);
    }

    void writePid(long pid) throws IOException {
        Files.createDirectories(dir);
        write(pidFile(), pid + "\n");
        Files.deleteIfExists(statusFile());
    }

    /** Removes the pid file if it is still this process's. */
    void removePid(long pid) {
        try {
            if (pid().equals(OptionalLong.of(pid))) {
                Files.deleteIfExists(pidFile());
            }
            Files.deleteIfExists(statusFile());
        } catch (IOException e) {
            // the state folder went away: nothing left to clean
        }
    }

    OptionalLong pid() throws IOException {
        try {
            String t = Files.readString(pidFile(), StandardCharsets.US_ASCII).trim();
            return t.matches("[0-9]{1,10}") ? OptionalLong.of(Long.parseLong(t)) : OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    void writeStatus(Status s) throws IOException {
        write(statusFile(), s.text());
    }

    Optional<Status> status() {
        try {
            return Status.parse(Files.readString(statusFile(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Through {@link AtomicFile}: a reader ({@code bootproxy reload}) never sees half a file. */
    private static void write(Path target, String text) throws IOException {
        AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
    }
}
