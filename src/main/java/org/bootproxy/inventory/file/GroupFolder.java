package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The groups folder, read again when it changes: the host files and the unknown-machine site share one, so a
 * group edit reaches both. Thread-safe: {@link #current} answers from an immutable snapshot and at most once per
 * interval looks at the folder; a caller that finds another one looking answers from the snapshot before.
 */
public final class GroupFolder {
    private final Optional<YamlFolder> folder;
    private final HostFileParser parser = new HostFileParser();
    private final IntervalReload rescans;
    private volatile Groups snapshot = Groups.NONE;
    private long version;

    /** No groups: hosts that name one get a problem saying no groups folder is configured. */
    public static GroupFolder none(Clock clock) {
        return new GroupFolder(Optional.empty(), clock, Duration.ofDays(365), 1);
    }

    /**
     * @param dir          the groups folder; it need not exist (then there are no groups)
     * @param maxFileBytes a group file larger than this is refused unread
     */
    public GroupFolder(Optional<Path> dir, Clock clock, Duration rescanEvery, long maxFileBytes) {
        this.folder = dir.map(d -> new YamlFolder(d, YamlFolder.GROUPS, Objects.requireNonNull(clock, "clock"),
                maxFileBytes, true));
        this.rescans = new IntervalReload(clock, rescanEvery, this::reload);
        rescans.now();
    }

    /** The groups now: looks at the folder first when the interval has passed (and nobody else is looking). */
    Groups current() {
        rescans.whenDue();
        return snapshot;
    }

    /** Looks at the folder now, whatever the interval. */
    Groups rescan() {
        rescans.now();
        return snapshot;
    }

    /** Where the groups are, for messages. */
    public Optional<Path> dir() {
        return folder.map(YamlFolder::dir);
    }

    private void reload() {
        if (folder.isPresent() && (folder.get().rescan() || version == 0)) {
            version++;
            YamlFolder f = folder.get();
            Groups g = Groups.of(f.dir(), f.files(), parser, version);
            snapshot = f.listingProblem().isEmpty() ? g : g.withProblem(f.listingProblem().get());
        }
    }

    /** Every problem of the group files now. */
    public List<HostFileProblem> problems() {
        return current().problems();
    }
}
