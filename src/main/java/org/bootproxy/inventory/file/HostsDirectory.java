package org.bootproxy.inventory.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.RootName;
import org.bootproxy.support.Sha256;

/**
 * The host files of one directory as last read. A rescan looks at each file's size, modification time and
 * inode, and reads again only what changed, so it is cheap enough to run on lookups.
 * Not thread-safe: {@link FileInventory} calls it under its lock.
 */
final class HostsDirectory {

    /**
     * File systems with coarse timestamps can hide a second write within the same tick; a file modified this
     * close to when it was read is read again (and compared by content) on the next rescan.
     */
    private static final Duration TIMESTAMP_SLACK = Duration.ofSeconds(2);

    private final Path dir;
    private final ConfinedRoot folder;
    private final Clock clock;
    private final long maxFileBytes;
    private final HostFileParser parser = new HostFileParser();
    private final Map<String, LoadedFile> files = new TreeMap<>();
    private Optional<HostFileProblem> listingProblem = Optional.empty();

    /** What tells a file changed without reading it. */
    record Stamp(FileTime modified, long size, Object fileKey) {
    }

    /**
     * One host file as last read.
     *
     * @param recheck  read it again on the next rescan even if its stamp is the same
     * @param sha      SHA-256 of the bytes read, or "" when it could not be read
     * @param current  its host, when the file is valid now
     * @param lastGood the last version of its host that was valid (kept while the file is broken)
     * @param problems what is wrong with the file now
     */
    record LoadedFile(Path path, Stamp stamp, boolean recheck, String sha, Optional<ParsedHost> current,
                      Optional<ParsedHost> lastGood, List<HostFileProblem> problems) {
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

        boolean sameAs(LoadedFile other) {
            return sha.equals(other.sha) && problems.equals(other.problems);
        }
    }

    /** @param maxFileBytes a host file larger than this is refused unread */
    HostsDirectory(Path dir, Clock clock, long maxFileBytes) {
        this.dir = Objects.requireNonNull(dir);
        this.folder = new ConfinedRoot(dir, "hosts folder");
        this.clock = Objects.requireNonNull(clock);
        this.maxFileBytes = maxFileBytes;
    }

    Path dir() {
        return dir;
    }

    /** Every host file known, in file name order. */
    List<LoadedFile> files() {
        return List.copyOf(files.values());
    }

    Optional<LoadedFile> file(Path path) {
        return Optional.ofNullable(files.get(path.getFileName().toString())).filter(f -> f.path().equals(path));
    }

    /** Set while the directory itself cannot be listed; the files read before are still served. */
    Optional<HostFileProblem> listingProblem() {
        return listingProblem;
    }

    /** Reads what changed since the last call; true when any host file (or the directory) changed. */
    boolean rescan() {
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(HostsDirectory::isHostFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            Optional<HostFileProblem> problem = Optional.of(new HostFileProblem(dir, 0,
                    "cannot list the hosts directory (" + reason(e) + "): still serving the hosts read before"));
            boolean changed = !problem.equals(listingProblem);
            listingProblem = problem;
            return changed;
        }
        boolean changed = listingProblem.isPresent();
        listingProblem = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            seen.add(name);
            LoadedFile before = files.get(name);
            LoadedFile after = refresh(path, before);
            files.put(name, after);
            changed |= before == null || !after.sameAs(before);
        }
        changed |= files.keySet().retainAll(seen);
        return changed;
    }

    /** *.yaml and *.yml; not dotfiles or editor leftovers (.web01.yaml.swp, web01.yaml~, #web01.yaml#). */
    static boolean isHostFile(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml")) && Files.isRegularFile(path);
    }

    private LoadedFile refresh(Path path, LoadedFile before) {
        Optional<ParsedHost> lastGood = before == null ? Optional.empty() : before.lastGood();
        Optional<String> outside = outside(path);
        if (outside.isPresent()) {
            // never read: its lines would be echoed into the log as YAML errors (a link to /etc/shadow)
            return new LoadedFile(path, null, true, "", Optional.empty(), lastGood, List.of(new HostFileProblem(path, 0,
                    "not read: " + outside.get() + "; a host file must be a file in the hosts folder (or a symlink"
                            + " to one inside it): copy the file in, or move its target into the folder")));
        }
        Stamp stamp;
        byte[] bytes;
        try {
            stamp = stamp(path);
            if (before != null && !before.recheck() && stamp.equals(before.stamp())) {
                return before;
            }
            if (stamp.size() > maxFileBytes) {
                return tooLarge(path, stamp, stamp.size() + " bytes", lastGood);
            }
            bytes = readAtMost(path, maxFileBytes + 1);
            if (bytes.length > maxFileBytes) { // it grew since we looked
                return tooLarge(path, stamp, "more than " + maxFileBytes + " bytes", lastGood);
            }
        } catch (IOException e) {
            return new LoadedFile(path, null, true, "", Optional.empty(), lastGood,
                    List.of(new HostFileProblem(path, 0, "cannot read the file (" + reason(e) + ")")));
        }
        Instant readAt = clock.instant();
        boolean recheck = !stamp.modified().toInstant().isBefore(readAt.minus(TIMESTAMP_SLACK));
        String sha = Sha256.of(bytes).hex();
        if (before != null && sha.equals(before.sha())) {
            return new LoadedFile(path, stamp, recheck, sha, before.current(), lastGood, before.problems());
        }
        try {
            Optional<ParsedHost> host = Optional.of(parser.parse(path, bytes));
            return new LoadedFile(path, stamp, recheck, sha, host, host, List.of());
        } catch (HostFileInvalid e) {
            return new LoadedFile(path, stamp, recheck, sha, Optional.empty(), lastGood, e.problems());
        }
    }

    /** Why {@code path} is not a file of this folder once symlinks are followed; empty when it is one. */
    private Optional<String> outside(Path path) {
        try {
            return folder.lookup(RootName.parse(path.getFileName().toString())) instanceof ConfinedRoot.Denied d
                    && d.why() == ConfinedRoot.Why.OUTSIDE ? Optional.of(d.reason()) : Optional.empty();
        } catch (RootName.BadName e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * A host file describes one host in a few KiB; one of megabytes is a mistake (or an attack) whose parsing
     * would hold every lookup up. It is refused without being read, until it changes.
     */
    private LoadedFile tooLarge(Path path, Stamp stamp, String size, Optional<ParsedHost> lastGood) {
        return new LoadedFile(path, stamp, false, "", Optional.empty(), lastGood, List.of(new HostFileProblem(path, 0,
                "the file is " + size + ", over the limit of " + maxFileBytes + " bytes (inventory.host_file_max_bytes),"
                        + " so it was not read: a host file holds one host in a few KiB; split it, or raise the limit")));
    }

    private static byte[] readAtMost(Path path, long limit) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    private static Stamp stamp(Path path) throws IOException {
        BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
        return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
