package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with a host file, for start-up messages, logs and {@code lint}.
 *
 * @param file    the host file (or the hosts directory itself when it cannot be listed)
 * @param line    1-based line of the problem, or 0 when not known
 * @param message what is wrong and what is allowed, e.g. "unknown key 'buidl' (allowed: name, build, …)"
 */
public record HostFileProblem(Path file, int line, String message) {
    public HostFileProblem {
        Objects.requireNonNull(file, "file");
        line = Math.max(0, line);
        message = message == null ? "" : message;
    }

    /** "hosts/web01.yaml line 7: unknown key 'buidl' (…)", or "hosts/web01.yaml: …" when the line is not known. */
    @Override
    public String toString() {
        return file + (line > 0 ? " line " + line : "") + ": " + message;
    }
}
