package org.bootproxy.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.BuildStateStore;
import org.bootproxy.boot.StateNotRecorded;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.support.OneLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Build results on local disk: one JSON file per host, {@code <stateDir>/build-state/<host>.json}.
 *
 * <p>Writes are atomic ({@link AtomicFile}), so a crash leaves the old record or the new one, never half
 * of one. Reads go to the file every time, without a cache: a restart sees what was recorded,
 * and deleting a host's file puts it back in build at once. A file that cannot be read is treated as
 * absent (the host builds again), with one warning per version of the file.
 */
public final class FileBuildStateStore implements BuildStateStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileBuildStateStore.class);
    private static final List<String> STATUSES =
            Arrays.stream(BuildState.Status.values()).map(Enum::name).toList();
    private final StateFolder folder;
    private final ObjectMapper json = StateFolder.JSON;
    /** The last modification time of each unreadable file already warned about, so a retrying client is not logged each time. */
    private final Map<Path, FileTime> warned = new ConcurrentHashMap<>();

    /**
     * @param stateDir the state directory; {@code build-state/} is created in it
     * @throws UncheckedIOException naming the directory when it cannot be created or written
     */
    public FileBuildStateStore(Path stateDir) {
        this.folder = new StateFolder(stateDir, "build-state", "build state directory");
    }

    /** Where a host's record is kept. */
    public Path fileFor(String hostName) {
        return folder.fileFor(hostName);
    }

    @Override
    public Optional<BuildState> get(String hostName) {
        Path file = fileFor(hostName);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return unreadable(file, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        try {
            StoredBuildState s = json.readValue(bytes, StoredBuildState.class);
            if (s == null || s.host() == null || s.status() == null || s.at() == null) {
                return unreadable(file, "host, status or at is missing");
            }
            if (!s.host().equals(hostName)) {
                return unreadable(file, "it is the record of " + s.host() + ", not " + hostName);
            }
            if (!STATUSES.contains(s.status())) {
                return unreadable(file, "status '" + s.status() + "' is not one of " + STATUSES);
            }
            return Optional.of(new BuildState(s.host(), s.revision(), BuildState.Status.valueOf(s.status()), s.at(), s.report()));
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
            return unreadable(file, "not valid JSON: " + OneLine.of(e.getOriginalMessage(), 500) + where);
        } catch (IOException e) {
            return unreadable(file, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * Records the state durably before returning.
     *
     * @throws StateNotRecorded naming the file when it cannot be written (disk full, read-only)
     */
    @Override
    public void put(BuildState state) {
        Path file = fileFor(state.hostName());
        StoredBuildState stored = new StoredBuildState(StoredBuildState.FORMAT, state.hostName(), state.revision(),
                state.status().name(), state.at(), state.report());
        try {
            AtomicFile.write(file, json.writeValueAsBytes(stored));
            warned.remove(file);
        } catch (IOException e) {
            throw new StateNotRecorded("cannot record the build state of " + state.hostName() + " in " + file
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /**
     * Deletes the host's record (and syncs the folder, so the deletion survives a crash).
     *
     * @throws UncheckedIOException naming the file when it cannot be deleted
     */
    @Override
    public Optional<BuildState> remove(String hostName) {
        Path file = fileFor(hostName);
        Optional<BuildState> was = get(hostName);
        try {
            if (Files.deleteIfExists(file)) {
                AtomicFile.syncDirectory(folder.dir());
            }
            warned.remove(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the build state of " + hostName + " at " + file
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        return was;
    }

    private Optional<BuildState> unreadable(Path file, String why) {
        FileTime modified = null;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException ignored) {
            // warn all the same
        }
        FileTime previous = modified == null ? null : warned.put(file, modified);
        if (modified == null || !modified.equals(previous)) {
            LOG.warn("build state file {} is unreadable, treating the host as not built: {}", file, why);
        }
        return Optional.empty();
    }
}
