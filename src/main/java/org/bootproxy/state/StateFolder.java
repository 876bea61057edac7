package org.bootproxy.state;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.support.Sha256;

/**
 * One folder of per-host JSON records in the state directory ({@code build-state/}, {@code build-start/}): created at
 * start, one file per host, written as readable JSON with ISO instants, read leniently (unknown fields ignored, so a
 * newer bootproxy's records still read).
 */
final class StateFolder {

    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;

    /**
     * @param stateDir the state directory
     * @param name     the folder in it, e.g. {@code build-state}
     * @param what     what messages call it, e.g. "build state directory"
     * @throws UncheckedIOException naming the directory when it cannot be created or written
     */
    StateFolder(Path stateDir, String name, String what) {
        this.dir = Objects.requireNonNull(stateDir, "stateDir").resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the " + what + " " + dir.toAbsolutePath().normalize()
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        try {
            // a directory that exists but cannot be written would only fail at the first record; the probe has
            // a temporary name, so a start after a kill right here removes it
            Files.delete(AtomicFile.createTemp(dir.resolve("write-check")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in the " + what + " " + dir.toAbsolutePath().normalize()
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Where a host's record is kept. */
    Path fileFor(String hostName) {
        return dir.resolve(fileName(hostName));
    }

    /**
     * A name that is a file name as it is: {@code [A-Za-z0-9_-][A-Za-z0-9._-]{0,199}}, tested without a regex (asked
     * on every answer to a host in build).
     */
    static boolean safe(String name) {
        int n = name.length();
        if (n == 0 || n > 200 || name.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
                    || c == '_' || c == '-';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Host names are normally safe file names already (web01.example.com). Anything else is replaced by '_'
     * and a short hash of the real name is added, so two names never share a file.
     */
    static String fileName(String hostName) {
        Objects.requireNonNull(hostName, "hostName");
        if (safe(hostName)) {
            return hostName + ".json";
        }
        String safe = hostName.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        safe = safe.substring(0, Math.min(safe.length(), 150));
        return safe + "-" + Sha256.of(hostName.getBytes(StandardCharsets.UTF_8)).prefix(4) + ".json";
    }
}
