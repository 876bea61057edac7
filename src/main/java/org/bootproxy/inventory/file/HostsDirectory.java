package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host files of one directory as last read, each merged with its groups. A rescan reads again only the files
 * that changed ({@link YamlFolder}); a file is turned into a host again only when it or the groups changed, so a
 * lookup never parses. A file that breaks keeps its last good host. Not thread-safe: {@link FileInventory} calls it
 * under its lock.
 */
final class HostsDirectory {

    private final YamlFolder folder;
    private final HostFileParser parser = new HostFileParser();
    private Map<Path, LoadedFile> files = Map.of();
    private long groupsVersion = -1;

    /**
     * One host file as last read.
     *
     * @param sha      SHA-256 of its bytes, or "" when it could not be read
     * @param current  its host, when the file (with its groups) is valid now
     * @param lastGood the last version of its host that was valid (kept while the file is broken)
     * @param problems what is wrong with the file now
     */
    record LoadedFile(Path path, String sha, Optional<ParsedHost> current, Optional<ParsedHost> lastGood,
                      List<HostFileProblem> problems) {
        LoadedFile {
            problems = List.copyOf(problems);
        }

        /** The host served from this file: the current one, else the last good one, else none. */
        Optional<ParsedHost> served() {
            return current.or(() -> lastGood);
        }

        boolean servesLastGood() {
            return current.isEmpty() && lastGood.isPresent();
        }
    }

    /** @param maxFileBytes a host file larger than this is refused unread */
    HostsDirectory(Path dir, Clock clock, long maxFileBytes) {
        this.folder = new YamlFolder(Objects.requireNonNull(dir), YamlFolder.HOSTS, clock, maxFileBytes, false);
    }

    Path dir() {
        return folder.dir();
    }

    /** Every host file known, in file name order. */
    List<LoadedFile> files() {
        return List.copyOf(files.values());
    }

    Optional<LoadedFile> file(Path path) {
        return Optional.ofNullable(files.get(path));
    }

    /** Set while the directory itself cannot be listed; the hosts read before are still served. */
    Optional<HostFileProblem> listingProblem() {
        return folder.listingProblem();
    }

    /**
     * Reads what changed since the last call; true when any host file, the directory or the groups changed. A file
     * read again is turned into its host on the thread that read it (every core at start-up), so its YAML is dropped
     * at once; an unchanged file is turned into a host again only when the groups changed.
     */
    boolean rescan(Groups groups) {
        boolean groupsChanged = groups.version() != groupsVersion;
        Map<Path, LoadedFile> fresh = new ConcurrentHashMap<>();
        SharedValues shared = new SharedValues();
        boolean filesChanged = folder.rescan(f -> {
            LoadedFile before = files.get(f.path());
            if (groupsChanged || before == null || f.sha().isEmpty() || !before.sha().equals(f.sha())) {
                fresh.put(f.path(), resolve(f, folder.tree(f), before, groups, shared));
            }
        });
        if (!filesChanged && !groupsChanged) {
            return false;
        }
        groupsVersion = groups.version();
        Map<Path, LoadedFile> next = new LinkedHashMap<>();
        boolean changed = filesChanged;
        for (YamlFolder.YamlFile f : folder.files()) {
            LoadedFile before = files.get(f.path());
            LoadedFile after = fresh.get(f.path());
            if (after == null) {
                after = before != null && !groupsChanged && !f.sha().isEmpty() && before.sha().equals(f.sha())
                        ? before : resolve(f, folder.tree(f), before, groups, shared);
            }
            changed |= before == null || !after.problems().equals(before.problems())
                    || !after.current().map(ParsedHost::host).equals(before.current().map(ParsedHost::host));
            next.put(f.path(), after);
        }
        files = next;
        return changed;
    }

    private LoadedFile resolve(YamlFolder.YamlFile f, Optional<YamlNode> tree, LoadedFile before, Groups groups,
                               SharedValues shared) {
        Optional<ParsedHost> lastGood = before == null ? Optional.empty() : before.lastGood();
        if (tree.isEmpty()) {
            return new LoadedFile(f.path(), f.sha(), Optional.empty(), lastGood, f.problems());
        }
        try {
            Optional<ParsedHost> host = Optional.of(parser.host(f.path(), tree.get(), f.sha(), groups, shared));
            return new LoadedFile(f.path(), f.sha(), host, host, List.of());
        } catch (HostFileInvalid e) {
            return new LoadedFile(f.path(), f.sha(), Optional.empty(), lastGood, e.problems());
        }
    }
}
