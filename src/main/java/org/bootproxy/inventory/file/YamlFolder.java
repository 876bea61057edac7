package org.bootproxy.inventory.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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
 * The YAML files of one folder (hosts, groups or profiles) as last read. A rescan looks at each file's size,
 * modification time and inode, and reads and parses again only what changed, so it is cheap enough to run on
 * lookups. Every {@code *.yaml} and {@code *.yml} directly in the folder counts; dotfiles, editor leftovers and
 * sub-folders do not. A file larger than the limit is refused unread; a symlink leading out of the folder is
 * never read. Not thread-safe: its owner calls it under a lock.
 */
final class YamlFolder {

    /**
     * File systems with coarse timestamps can hide a second write within the same tick; a file modified this
     * close to when it was read is read again (and compared by content) on the next rescan.
     */
    private static final Duration TIMESTAMP_SLACK = Duration.ofSeconds(2);

    /**
     * What one kind of file is, for messages.
     *
     * @param what       "host file"
     * @param folder     "hosts folder"
     * @param emptyMeans what an empty file lacks
     * @param onePer     what one file holds (said when it has a second YAML document)
     * @param size       how large such a file is (said when one is over the size limit)
     * @param unlisted   what is still used while the folder cannot be listed
     */
    record Kind(String what, String folder, String emptyMeans, String onePer, String size, String unlisted) {
    }

    static final Kind HOSTS = new Kind("host file", "hosts folder",
            "a host file needs at least name, interfaces and os", "one host per file",
            "a host file holds one host in a few KiB", "hosts directory (%s): still serving the hosts read before");
    static final Kind GROUPS = new Kind("group file", "groups folder",
            "a group file holds the host keys its hosts share, e.g. os:, medium:, params:", "one group per file",
            "a group file holds one group in a few KiB", "groups folder (%s): still using the groups read before");
    static final Kind PROFILES = new Kind("profile file", "profiles folder",
            "a profile file needs a template: or install:", "one profile per file",
            "a profile file holds one profile in a few KiB", "profiles folder (%s): still using the profiles read before");

    private final Path dir;
    private final Kind kind;
    private final ConfinedRoot folder;
    private final Clock clock;
    private final long maxFileBytes;
    private final boolean optional;
    private final Map<String, YamlFile> files = new TreeMap<>();
    private Optional<HostFileProblem> listingProblem = Optional.empty();

    /** What tells a file changed without reading it. */
    record Stamp(FileTime modified, long size, Object fileKey) {
    }

    /**
     * One file as last read.
     *
     * @param recheck  read it again on the next rescan even if its stamp is the same
     * @param sha      SHA-256 of the bytes read, or "" when it could not be read
     * @param tree     its YAML, when it could be read and parsed
     * @param problems why it could not (size, symlink, I/O, YAML syntax), with the line when known
     */
    record YamlFile(Path path, Stamp stamp, boolean recheck, String sha, Optional<YamlNode> tree,
                    List<HostFileProblem> problems) {
        YamlFile {
            problems = List.copyOf(problems);
        }

        /** The name without .yaml/.yml: a group's or profile's name. */
        String baseName() {
            String n = path.getFileName().toString();
            return n.substring(0, n.lastIndexOf('.'));
        }

        boolean sameAs(YamlFile other) {
            return sha.equals(other.sha) && problems.equals(other.problems);
        }
    }

    /**
     * @param maxFileBytes a file larger than this is refused unread
     * @param optional     a folder that does not exist holds no files (groups, profiles); otherwise it is a problem
     */
    YamlFolder(Path dir, Kind kind, Clock clock, long maxFileBytes, boolean optional) {
        this.dir = Objects.requireNonNull(dir);
        this.kind = Objects.requireNonNull(kind);
        this.folder = new ConfinedRoot(dir, kind.folder());
        this.clock = Objects.requireNonNull(clock);
        this.maxFileBytes = maxFileBytes;
        this.optional = optional;
    }

    Path dir() {
        return dir;
    }

    /** Every file known, in file name order. */
    List<YamlFile> files() {
        return List.copyOf(files.values());
    }

    Optional<YamlFile> file(Path path) {
        return Optional.ofNullable(files.get(path.getFileName().toString())).filter(f -> f.path().equals(path));
    }

    /** Set while the folder itself cannot be listed; the files read before are still used. */
    Optional<HostFileProblem> listingProblem() {
        return listingProblem;
    }

    /** Reads what changed since the last call; true when any file (or the folder) changed. */
    boolean rescan() {
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            paths = listing.filter(YamlFolder::isYamlFile).sorted().toList();
        } catch (NoSuchFileException e) {
            if (!optional) {
                return listingFailed(e);
            }
            paths = List.of();
        } catch (IOException | UncheckedIOException e) {
            return listingFailed(e);
        }
        boolean changed = listingProblem.isPresent();
        listingProblem = Optional.empty();
        Set<String> seen = new HashSet<>();
        for (Path path : paths) {
            String name = path.getFileName().toString();
            seen.add(name);
            YamlFile before = files.get(name);
            YamlFile after = refresh(path, before);
            files.put(name, after);
            changed |= before == null || !after.sameAs(before);
        }
        changed |= files.keySet().retainAll(seen);
        return changed;
    }

    private boolean listingFailed(Exception e) {
        Optional<HostFileProblem> problem = Optional.of(new HostFileProblem(dir, 0,
                "cannot list the " + kind.unlisted().formatted(reason(e))));
        boolean changed = !problem.equals(listingProblem);
        listingProblem = problem;
        return changed;
    }

    /** *.yaml and *.yml; not dotfiles or editor leftovers (.web01.yaml.swp, web01.yaml~, #web01.yaml#). */
    static boolean isYamlFile(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml")) && Files.isRegularFile(path);
    }

    private YamlFile refresh(Path path, YamlFile before) {
        Optional<String> outside = outside(path);
        if (outside.isPresent()) {
            // never read: its lines would be echoed into the log as YAML errors (a link to /etc/shadow)
            return broken(path, null, true, "not read: " + outside.get() + "; a " + kind.what() + " must be a file in the "
                    + kind.folder() + " (or a symlink to one inside it): copy the file in, or move its target into the folder");
        }
        Stamp stamp;
        byte[] bytes;
        try {
            stamp = stamp(path);
            if (before != null && !before.recheck() && stamp.equals(before.stamp())) {
                return before;
            }
            if (stamp.size() > maxFileBytes) {
                return tooLarge(path, stamp, stamp.size() + " bytes");
            }
            bytes = readAtMost(path, maxFileBytes + 1);
            if (bytes.length > maxFileBytes) { // it grew since we looked
                return tooLarge(path, stamp, "more than " + maxFileBytes + " bytes");
            }
        } catch (IOException e) {
            return broken(path, null, true, "cannot read the file (" + reason(e) + ")");
        }
        Instant readAt = clock.instant();
        boolean recheck = !stamp.modified().toInstant().isBefore(readAt.minus(TIMESTAMP_SLACK));
        String sha = Sha256.of(bytes).hex();
        if (before != null && sha.equals(before.sha())) {
            return new YamlFile(path, stamp, recheck, sha, before.tree(), before.problems());
        }
        try {
            return new YamlFile(path, stamp, recheck, sha,
                    Optional.of(new YamlReader().read(path, bytes, kind.emptyMeans(), kind.onePer())), List.of());
        } catch (YamlReader.SyntaxError e) {
            return new YamlFile(path, stamp, recheck, sha, Optional.empty(),
                    List.of(new HostFileProblem(path, e.line(), e.getMessage())));
        }
    }

    private static YamlFile broken(Path path, Stamp stamp, boolean recheck, String why) {
        return new YamlFile(path, stamp, recheck, "", Optional.empty(), List.of(new HostFileProblem(path, 0, why)));
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
    private YamlFile tooLarge(Path path, Stamp stamp, String size) {
        return broken(path, stamp, false, "the file is " + size + ", over the limit of " + maxFileBytes
                + " bytes (inventory.host_file_max_bytes), so it was not read: " + kind.size()
                + "; split it, or raise the limit");
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
