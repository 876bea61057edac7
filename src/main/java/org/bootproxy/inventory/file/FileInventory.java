package org.bootproxy.inventory.file;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The embedded default inventory: one YAML file per host in a directory (format: docs/host-files.md).
 *
 * <p>Files are edited in git on a live server, so the site's watch ({@link FileWatch}) looks at the directory
 * every {@code rescanEvery} (1 s by default; longer for a folder whose rescan takes long, see {@link IntervalReload})
 * and lookups see an edit once that rescan has swapped in the new index. Only changed files are read again. A file that becomes broken keeps serving its last good version (if it had one since start-up)
 * and its problem is logged once, with path and line; other hosts are not affected.
 *
 * <p>Thread-safe: lookups read an immutable snapshot; a rescan builds the next one on the watch's thread under a
 * lock and swaps it in, and lookups never wait for it, never take that lock and never look at a file. A file over the size limit is refused unread, and a file is parsed once per
 * change (size, time, inode), never per lookup.
 */
public final class FileInventory implements HostInventory {

    public static final Duration DEFAULT_RESCAN = Duration.ofSeconds(1);
    /** A host file holds one host in a few KiB; past this it is refused unread (inventory.host_file_max_bytes). */
    public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FileInventory.class);

    private final Clock clock;
    private final HostsDirectory directory;
    private final GroupFolder groups;
    private final TokenExpiry tokens;
    private final IntervalReload rescans;
    private volatile Snapshot snapshot;

    /** What lookups read: the index, every problem, per file the host served from it, and the directory's state. */
    private record Snapshot(HostIndex index, List<HostFileProblem> problems, Map<Path, Host> served,
                            boolean directoryUnreadable) {
        /** @param stamp gives each host read the expiry of its token */
        static Snapshot of(HostsDirectory directory, Groups groups, UnaryOperator<Host> stamp) {
            Map<Path, Host> served = new LinkedHashMap<>();
            List<ParsedHost> parsed = new ArrayList<>();
            List<HostFileProblem> problems = new ArrayList<>(groups.problems());
            directory.listingProblem().ifPresent(problems::add);
            for (HostsDirectory.LoadedFile f : directory.files()) {
                problems.addAll(f.problems());
                f.served().ifPresent(p -> {
                    Host host = stamp.apply(p.host());
                    ParsedHost stamped = host == p.host() ? p : p.withHost(host);
                    parsed.add(stamped);
                    served.put(f.path(), stamped.host());
                });
            }
            HostIndex index = HostIndex.of(parsed);
            problems.addAll(index.clashes());
            problems.sort(Comparator.comparing((HostFileProblem p) -> p.file().toString())
                    .thenComparingInt(HostFileProblem::line));
            // served is this snapshot's own: wrapped, not copied (50,000 paths hashed again at start-up)
            return new Snapshot(index, List.copyOf(problems), Collections.unmodifiableMap(served),
                    directory.listingProblem().isPresent());
        }

        long brokenFiles(Path dir) {
            return problems.stream().map(HostFileProblem::file).filter(f -> !f.equals(dir)).distinct().count();
        }
    }

    /** Reads every host file in {@code hostsDir} now, and checks for changes at most once a second. */
    public FileInventory(Path hostsDir, Clock clock) {
        this(hostsDir, clock, DEFAULT_RESCAN);
    }

    /** Reads every host file in {@code hostsDir} now, with the default file size limit. */
    public FileInventory(Path hostsDir, Clock clock, Duration rescanEvery) {
        this(hostsDir, clock, rescanEvery, DEFAULT_MAX_FILE_BYTES);
    }

    /** Host files that use no groups, with tokens that never expire. */
    public FileInventory(Path hostsDir, Clock clock, Duration rescanEvery, long maxFileBytes) {
        this(hostsDir, GroupFolder.none(clock), clock, rescanEvery, maxFileBytes, TokenExpiry.NEVER);
    }

    /** Host files that use no groups. */
    public FileInventory(Path hostsDir, Clock clock, Duration rescanEvery, long maxFileBytes, TokenExpiry tokens) {
        this(hostsDir, GroupFolder.none(clock), clock, rescanEvery, maxFileBytes, tokens);
    }

    /** Tokens that never expire. */
    public FileInventory(Path hostsDir, GroupFolder groups, Clock clock, Duration rescanEvery, long maxFileBytes) {
        this(hostsDir, groups, clock, rescanEvery, maxFileBytes, TokenExpiry.NEVER);
    }

    /**
     * @param rescanEvery  how long the files read are trusted before the watch looks at the directory again
     *                     ({@link Duration#ZERO}: whenever the watch asks)
     * @param maxFileBytes a host file larger than this is refused without being read (a problem naming it)
     * @param groups       the host groups the files may name ({@code group:}/{@code groups:})
     * @param tokens       when host files' tokens expire (inventory.token_duration)
     * @throws HostsDirectoryMissing when {@code hostsDir} is not a directory
     */
    public FileInventory(Path hostsDir, GroupFolder groups, Clock clock, Duration rescanEvery, long maxFileBytes,
                         TokenExpiry tokens) {
        Objects.requireNonNull(hostsDir, "hostsDir");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rescans = new IntervalReload(clock, rescanEvery, this::reload);
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive: " + maxFileBytes);
        }
        if (!Files.isDirectory(hostsDir)) {
            throw new HostsDirectoryMissing(hostsDir);
        }
        this.directory = new HostsDirectory(hostsDir, clock, maxFileBytes);
        Groups g = groups.current();
        directory.rescan(g);
        this.snapshot = snapshot(g);
        rescans.readJustNow();
        LOG.info("{}", describe(snapshot));
        snapshot.problems().forEach(p -> LOG.error("{}{}", p, consequence(p)));
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        return current().index().byMac(mac);
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        return ip == null || ip.isBlank() ? Optional.empty() : current().index().byIp(ip.trim());
    }

    @Override
    public Optional<Host> findByToken(String token) {
        return token == null || token.isBlank() ? Optional.empty() : current().index().byToken(token.trim());
    }

    @Override
    public List<Host> all() {
        return current().index().hosts();
    }

    /** Everything wrong with the host files now, by file and line (empty when all is well). */
    public List<HostFileProblem> problems() {
        return current().problems();
    }

    @Override
    public List<String> currentProblems() {
        return problems().stream().map(HostFileProblem::toString).toList();
    }

    /** e.g. "host files in ./hosts (4 hosts, 1 broken)". */
    @Override
    public String describe() {
        return describe(current());
    }

    /** Looks at the directory now, whatever the rescan interval (for {@code lint} and tests). */
    public void rescan() {
        groups.rescan();
        rescans.now();
    }

    /** Looks at the groups and the directory when the interval has passed: what the site's watch runs every tick. */
    public void rescanWhenDue() {
        groups.rescanWhenDue();
        rescans.whenDue();
    }

    private String describe(Snapshot s) {
        long broken = s.brokenFiles(directory.dir());
        int hosts = s.index().hosts().size();
        return "host files in " + directory.dir() + " (" + hosts + (hosts == 1 ? " host" : " hosts")
                + (broken > 0 ? ", " + broken + " broken" : "")
                + (s.directoryUnreadable() ? ", directory unreadable" : "") + ")";
    }

    /** The snapshot to answer from: the last one a rescan swapped in. A lookup never reads the directory. */
    private Snapshot current() {
        return snapshot;
    }

    private Snapshot snapshot(Groups g) {
        Instant now = clock.instant();
        return Snapshot.of(directory, g, host -> tokens.stamp(host, now));
    }

    /**
     * One at a time ({@link IntervalReload}): rescans, and swaps in a new snapshot when anything changed. What it logs
     * is about the files, not about a machine: a MAC in the MDC of whoever asked for it is taken off the log lines.
     */
    private void reload() {
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        MDC.clear();
        try {
            Groups g = groups.current();
            if (directory.rescan(g)) {
                Snapshot before = snapshot;
                Snapshot after = snapshot(g);
                logChanges(before, after);
                snapshot = after;
            }
        } catch (RuntimeException e) {
            // a bug in reading must not take lookups down: keep answering from what was read before
            LOG.error("rescanning {} failed, still serving the hosts read before", directory.dir(), e);
        } finally {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
        }
    }

    /** One line per change: files added, changed, removed or fixed, and each new problem once. */
    private void logChanges(Snapshot before, Snapshot after) {
        after.served().forEach((file, host) -> {
            Host old = before.served().get(file);
            boolean stale = directory.file(file).map(HostsDirectory.LoadedFile::servesLastGood).orElse(false);
            if (old == null) {
                LOG.info("host file {} added: {}", file, host.name());
            } else if (!old.revision().equals(host.revision()) && !stale) {
                LOG.info("host file {} changed: {} reloaded", file, host.name());
            }
        });
        before.served().forEach((file, host) -> {
            if (!after.served().containsKey(file) && directory.file(file).isEmpty()) {
                LOG.info("host file {} removed: {} is no longer served", file, host.name());
            }
        });
        Set<HostFileProblem> known = new HashSet<>(before.problems());
        after.problems().stream().filter(p -> !known.contains(p)).forEach(p -> LOG.error("{}{}", p, consequence(p)));
        Set<Path> stillBroken = new HashSet<>();
        after.problems().forEach(p -> stillBroken.add(p.file()));
        before.problems().stream().map(HostFileProblem::file).distinct()
                .filter(f -> !stillBroken.contains(f) && (directory.file(f).isPresent() || f.equals(directory.dir())))
                .forEach(f -> LOG.info("{} is fine again", f));
        LOG.info("{}", describe(after));
    }

    /** What a file's problem means for its host, for the log line. */
    private String consequence(HostFileProblem p) {
        return directory.file(p.file()).map(f -> {
            if (f.servesLastGood()) {
                return " (still serving the last good version of " + f.lastGood().orElseThrow().host().name() + ")";
            }
            return f.current().isEmpty() ? " (no host is served from this file)" : "";
        }).orElse("");
    }
}
