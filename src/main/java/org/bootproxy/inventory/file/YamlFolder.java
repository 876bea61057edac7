package org.bootproxy.inventory.file;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.FileStamp;
import org.bootproxy.support.RootName;
import org.bootproxy.support.Sha256;

/**
 * The YAML files of one folder (hosts, groups or profiles) as last read. A rescan looks at each file's size,
 * modification time and inode ({@link FileStamp}, one {@code lstat}), and reads and parses again only what changed.
 * While the folder's own stamp is what it was at the last listing (no file added, removed or replaced by a rename
 * since, and not changed within {@link #TIMESTAMP_SLACK} of the clock), the files known are the files there, each
 * the same file as before: a file not reached through a symlink is then looked at by its time and size alone (an edit
 * in place changes its time), which makes no garbage, where listing the folder and an {@code lstat} of each file make
 * some 30 MB at 50,000 files (BENCHMARKS.md, issue 15). Every {@code *.yaml} and {@code *.yml} directly in the
 * folder counts; dotfiles, editor leftovers and sub-folders do not. A file larger than the limit is refused unread;
 * a symlink leading out of the folder is never read. Not thread-safe: its owner calls it under a lock.
 */
final class YamlFolder {

    /**
     * File systems with coarse timestamps can hide a second write within the same tick; a file modified this
     * close to when it was read is read again (and compared by content) on the next rescan.
     */
    private static final Duration TIMESTAMP_SLACK = Duration.ofSeconds(2);
    /** From this many files a rescan looks at them on every core (start-up at 50,000 host files). */
    private static final int PARALLEL_FROM = 64;

    /**
     * What one kind of file is, for messages.
     *
     * @param what       "host file"
     * @param folder     "hosts folder"
     * @param emptyMeans what an empty file lacks
     * @param onePer     what one file holds (said when it has a second YAML document)
     * @param size       how large such a file is (said when one is over the size limit)
     * @param unlisted   what is still used while the folder cannot be listed
     * @param keepTrees  keep each file's YAML after it was read (groups and profiles are used as YAML); host files
     *                   are turned into hosts as they are read and their YAML dropped (50,000 of them would hold
     *                   some 160 MB), read again in the rare case it is needed once more (a group edit)
     */
    record Kind(String what, String folder, String emptyMeans, String onePer, String size, String unlisted,
                boolean keepTrees) {
    }

    static final Kind HOSTS = new Kind("host file", "hosts folder",
            "a host file needs at least name, interfaces and os", "one host per file",
            "a host file holds one host in a few KiB", "hosts directory (%s): still serving the hosts read before", false);
    static final Kind GROUPS = new Kind("group file", "groups folder",
            "a group file holds the host keys its hosts share, e.g. os:, medium:, params:", "one group per file",
            "a group file holds one group in a few KiB", "groups folder (%s): still using the groups read before", true);
    static final Kind PROFILES = new Kind("profile file", "profiles folder",
            "a profile file needs a template: or install:", "one profile per file",
            "a profile file holds one profile in a few KiB", "profiles folder (%s): still using the profiles read before", true);

    private final Path dir;
    private final Kind kind;
    private final ConfinedRoot folder;
    private final Clock clock;
    private final long maxFileBytes;
    private final boolean optional;
    private final Map<String, YamlFile> files = new TreeMap<>();
    private Optional<HostFileProblem> listingProblem = Optional.empty();
    /** The folder's own stamp just before it was last listed; null when it was not (or could not be) listed. */
    private FileStamp listedAs;

    /**
     * One file as last read.
     *
     * @param recheck  read it again on the next rescan even if its stamp is the same
     * @param fullLook always looked at with an {@code lstat}: the name is a symlink (the stamp is its target's, which
     *                 may be replaced elsewhere), or the file could not be used
     * @param sha      SHA-256 of the bytes read, or "" when it could not be read
     * @param tree     its YAML, when it could be read and parsed
     * @param problems why it could not (size, symlink, I/O, YAML syntax), with the line when known
     */
    record YamlFile(Path path, FileStamp stamp, boolean recheck, boolean fullLook, String sha, Optional<YamlNode> tree,
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

        /** Read without a problem, its YAML dropped after use ({@link Kind#keepTrees}). */
        boolean treeDropped() {
            return tree.isEmpty() && problems.isEmpty();
        }

        YamlFile withoutTree() {
            return tree.isEmpty() ? this
                    : new YamlFile(path, stamp, recheck, fullLook, sha, Optional.empty(), problems);
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

    /**
     * Reads what changed since the last call; true when any file (or the folder) changed. An unchanged file costs one
     * {@code lstat}; the files to read (all of them at start-up) are read and parsed on every core.
     */
    boolean rescan() {
        return rescan(f -> { });
    }

    /**
     * As {@link #rescan()}, handing each file read again (with its YAML) to {@code justRead} on the thread that read
     * it, before its YAML is dropped ({@link Kind#keepTrees}); {@code justRead} must be safe to call from many threads.
     */
    boolean rescan(Consumer<YamlFile> justRead) {
        Optional<FileStamp> folderNow = FileStamp.of(dir);
        if (listedAs != null && folderNow.isPresent() && folderNow.get().equals(listedAs) && !recent(listedAs)) {
            return rescanKnown(justRead);
        }
        listedAs = null;
        List<Path> paths;
        try (Stream<Path> listing = Files.list(dir)) {
            // in the folder's order: the files are kept by name below, so sorting 50,000 paths first only cost the
            // start-up a single-threaded 0.1 s
            paths = listing.filter(YamlFolder::isYamlName).toList();
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
        Stream<Path> each = paths.size() >= PARALLEL_FROM ? paths.parallelStream() : paths.stream();
        // refresh only reads this.files: the map is changed below, once every file has been looked at
        List<YamlFile> looked = each.map(p -> {
            YamlFile before = files.get(p.getFileName().toString());
            return handOn(refresh(p, before), before, justRead);
        }).filter(Objects::nonNull).toList();
        // a name that is no file of ours now (a dangling symlink, a file gone since the listing) is listed again
        // next time: its target may appear without the folder changing
        listedAs = looked.size() == paths.size() ? folderNow.orElse(null) : null;
        Set<String> seen = new HashSet<>();
        for (YamlFile after : looked) {
            String name = after.path().getFileName().toString();
            seen.add(name);
            YamlFile before = files.put(name, after);
            changed |= before == null || !after.sameAs(before);
        }
        changed |= files.keySet().retainAll(seen);
        return changed;
    }

    /** The folder's entries are as last listed: each file known is looked at again ({@link #quickLook}). */
    private boolean rescanKnown(Consumer<YamlFile> justRead) {
        List<YamlFile> known = List.copyOf(files.values());
        Stream<YamlFile> each = known.size() >= PARALLEL_FROM ? known.parallelStream() : known.stream();
        // as in rescan: the map is changed once every file has been looked at; only the files that changed are kept
        List<YamlFile[]> beforeAfter = each.map(before -> {
            YamlFile after = handOn(quickLook(before), before, justRead);
            return after == before ? null : new YamlFile[] {before, after};
        }).filter(Objects::nonNull).toList();
        boolean changed = false;
        for (YamlFile[] pair : beforeAfter) {
            String name = pair[0].path().getFileName().toString();
            if (pair[1] == null) {
                files.remove(name);
                changed = true;
            } else {
                files.put(name, pair[1]);
                changed |= !pair[1].sameAs(pair[0]);
            }
        }
        return changed;
    }

    /** {@code after} as kept: handed to {@code justRead} first when it was read again, its YAML dropped if not kept. */
    private YamlFile handOn(YamlFile after, YamlFile before, Consumer<YamlFile> justRead) {
        if (after == null || after == before) {
            return after;
        }
        justRead.accept(after);
        return kind.keepTrees() ? after : after.withoutTree();
    }

    /**
     * {@code before} when, in a folder whose entries did not change, its time and size are as they were; else as
     * {@link #refresh}. A symlink (its target may have been replaced elsewhere), a file with a problem and one to read
     * again anyway get the full look.
     */
    private YamlFile quickLook(YamlFile before) {
        Path path = before.path();
        if (before.fullLook() || before.recheck() || before.stamp() == null
                || path.getFileSystem() != FileSystems.getDefault()) {
            return refresh(path, before);
        }
        File file = path.toFile();
        long modified = file.lastModified(); // 0 when it is gone: not the time it had
        return modified == before.stamp().modified().toMillis() && file.length() == before.stamp().size()
                ? before : refresh(path, before);
    }

    /** Changed within {@link #TIMESTAMP_SLACK} of the clock: a second change in the same tick may not show. */
    private boolean recent(FileStamp stamp) {
        return !stamp.modified().toInstant().isBefore(clock.instant().minus(TIMESTAMP_SLACK));
    }

    /**
     * The YAML of {@code f}: as kept, or read and parsed again when it was dropped ({@link Kind#keepTrees}); empty when
     * the file has a problem, or has one now.
     */
    Optional<YamlNode> tree(YamlFile f) {
        if (!f.treeDropped()) {
            return f.tree();
        }
        YamlFile again = refresh(f.path(), null);
        return again == null ? Optional.empty() : again.tree();
    }

    private boolean listingFailed(Exception e) {
        Optional<HostFileProblem> problem = Optional.of(new HostFileProblem(dir, 0,
                "cannot list the " + kind.unlisted().formatted(reason(e))));
        boolean changed = !problem.equals(listingProblem);
        listingProblem = problem;
        return changed;
    }

    /** *.yaml and *.yml; not dotfiles or editor leftovers (.web01.yaml.swp, web01.yaml~, #web01.yaml#). */
    static boolean isYamlName(Path path) {
        String name = path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
    }

    /**
     * {@code path} as it is now: {@code before} when its stamp is unchanged (one {@code lstat}), else read and parsed
     * again; null when it is not a file (a folder, a dangling link) or went away since the listing.
     */
    private YamlFile refresh(Path path, YamlFile before) {
        FileStamp stamp;
        byte[] bytes;
        boolean link;
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            link = a.isSymbolicLink();
            if (link) {
                Optional<String> outside = outside(path);
                if (outside.isPresent()) {
                    // never read: its lines would be echoed into the log as YAML errors (a link to /etc/shadow)
                    return broken(path, null, true, "not read: " + outside.get() + "; a " + kind.what() + " must be a file"
                            + " in the " + kind.folder() + " (or a symlink to one inside it): copy the file in, or move its"
                            + " target into the folder");
                }
                a = Files.readAttributes(path, BasicFileAttributes.class);
            }
            if (!a.isRegularFile()) {
                return null;
            }
            stamp = new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey());
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
        } catch (NoSuchFileException e) {
            return null; // removed since the listing (or a link to nothing): the next rescan sees the folder as it is
        } catch (IOException e) {
            return broken(path, null, true, "cannot read the file (" + reason(e) + ")");
        }
        boolean recheck = recent(stamp);
        String sha = Sha256.of(bytes).hex();
        if (before != null && sha.equals(before.sha())) {
            return new YamlFile(path, stamp, recheck, link, sha, before.tree(), before.problems());
        }
        try {
            return new YamlFile(path, stamp, recheck, link, sha,
                    Optional.of(new YamlReader().read(path, bytes, kind.emptyMeans(), kind.onePer())), List.of());
        } catch (YamlReader.SyntaxError e) {
            return new YamlFile(path, stamp, recheck, link, sha, Optional.empty(),
                    List.of(new HostFileProblem(path, e.line(), e.getMessage())));
        }
    }

    private static YamlFile broken(Path path, FileStamp stamp, boolean recheck, String why) {
        return new YamlFile(path, stamp, recheck, true, "", Optional.empty(), List.of(new HostFileProblem(path, 0, why)));
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
    private YamlFile tooLarge(Path path, FileStamp stamp, String size) {
        return broken(path, stamp, false, "the file is " + size + ", over the limit of " + maxFileBytes
                + " bytes (inventory.host_file_max_bytes), so it was not read: " + kind.size()
                + "; split it, or raise the limit");
    }

    private static byte[] readAtMost(Path path, long limit) throws IOException {
        try (var in = Files.newInputStream(path)) {
            return in.readNBytes((int) Math.min(limit, Integer.MAX_VALUE - 8));
        }
    }

    private static String reason(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
