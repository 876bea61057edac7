package org.bootproxy.discovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.GuardedEvents;
import org.bootproxy.boot.MachineAnnouncer;
import org.bootproxy.boot.MachineRegistry;
import org.bootproxy.boot.MachineReport;
import org.bootproxy.boot.StateNotRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovered machines: kept in memory ({@link MachineBook}), every change appended to
 * {@code <state_dir>/machines.journal} and flushed to disk before it is acknowledged ({@link MachineJournal}), and
 * each new unknown machine announced upstream once ({@link Announcements}).
 *
 * <p>At start the journal is read back (a line cut short by a crash is ignored; a damaged line is logged and
 * skipped) and rewritten with only the live records; it is rewritten again whenever it grows past four times their
 * size (and at least {@link #MIN_COMPACT_BYTES}). Past {@link DiscoverySettings#maxMachines()} records the least
 * recently seen one is forgotten.
 */
public final class JournalRegistry implements MachineRegistry, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRegistry.class);
    /** The journal's name in the state folder. */
    public static final String FILE_NAME = "machines.journal";
    static final long MIN_COMPACT_BYTES = 1024 * 1024;

    private final MachineJournal journal;
    private final DiscoverySettings settings;
    private final MachineBook book = new MachineBook();
    private final Announcements announcements;
    /** The journal's size after the last rewrite: it is rewritten again at four times that. */
    private long compactedBytes;

    /**
     * Reads the journal back and starts announcing the unknown machines not yet announced to every target.
     *
     * @throws UncheckedIOException naming the file when it cannot be read or rewritten
     */
    public JournalRegistry(Path stateDir, DiscoverySettings settings, List<MachineAnnouncer> announcers, BootEvents events,
                           Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.journal = new MachineJournal(stateDir.resolve(FILE_NAME));
        try {
            Files.createDirectories(stateDir);
            load();
            compact();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or rewrite the discovered-machine journal " + journal.file()
                    + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "); check the state folder (state_dir)", e);
        }
        this.announcements = new Announcements(announcers, settings, new Records(),
                GuardedEvents.around(events, e -> LOG.warn("boot event not recorded: {}", e.toString())), clock);
        List<DiscoveredMachine> all;
        synchronized (this) {
            all = book.all();
        }
        all.forEach(announcements::offer);
    }

    private void load() throws IOException {
        MachineJournal.Contents c = journal.read();
        int bad = 0;
        for (int i = 0; i < c.lines().size(); i++) {
            try {
                JournalLines.Op op = JournalLines.read(c.lines().get(i));
                if (op instanceof JournalLines.Put p) {
                    book.put(p.entry());
                } else if (op instanceof JournalLines.Del d) {
                    book.remove(d.id());
                }
            } catch (IllegalArgumentException e) {
                bad++;
                LOG.warn("discovery journal {} line {} is damaged and skipped: {}", journal.file(), i + 1, e.getMessage());
            }
        }
        if (c.tornBytes() > 0) {
            LOG.info("discovery journal {}: dropped {} bytes of a change cut short by a crash (it was never acknowledged)",
                    journal.file(), c.tornBytes());
        }
        LOG.info("discovery: {} machine(s) from {} ({} journal lines{})", book.size(), journal.file(), c.lines().size(),
                bad > 0 ? ", " + bad + " damaged" : "");
    }

    /** Rewrites the journal with the live records only. */
    private void compact() throws IOException {
        List<String> lines = book.entries().stream().map(JournalLines::put).toList();
        journal.rewrite(lines);
        compactedBytes = lines.stream().mapToLong(l -> l.length() + 1L).sum();
    }

    /** Rewrites the journal when it has grown enough; a failure leaves the complete journal as it was. */
    private void compactIfDue() {
        try {
            if (journal.size() > Math.max(MIN_COMPACT_BYTES, 4 * compactedBytes)) {
                compact();
            }
        } catch (IOException e) {
            LOG.warn("discovery journal {} could not be rewritten (it stays complete, only larger): {}", journal.file(),
                    e.getMessage());
        }
    }

    @Override
    public DiscoveredMachine report(MachineReport r) {
        DiscoveredMachine machine;
        synchronized (this) {
            MachineBook.Change change = book.plan(r);
            List<String> lines = new ArrayList<>();
            change.mergedAway().forEach(id -> lines.add(JournalLines.del(id)));
            lines.add(JournalLines.put(change.entry()));
            List<String> evicted = new ArrayList<>();
            if (change.created() && book.size() >= settings.maxMachines()) {
                book.oldest().map(e -> e.machine().id()).ifPresent(id -> {
                    evicted.add(id);
                    lines.add(0, JournalLines.del(id));
                });
            }
            write(lines, "the sighting of " + r.macs().get(0));
            evicted.forEach(id -> {
                book.remove(id);
                LOG.info("discovery: forgot machine {}, the least recently seen, to keep at most {} (discovery.max_machines)",
                        id, settings.maxMachines());
            });
            book.commit(change);
            machine = change.entry().machine();
            if (change.created()) {
                LOG.info("discovery: new machine {} macs={} serial=\"{}\" manufacturer=\"{}\" product=\"{}\" uuid={} arch={}"
                        + " platform={} client={}", machine.id(), String.join(",", machine.macs().stream().map(Object::toString)
                        .toList()), machine.serial(), machine.manufacturer(), machine.product(), dash(machine.uuid()),
                        dash(machine.arch()), dash(machine.platform()), machine.clientIp());
            }
            if (!change.mergedAway().isEmpty()) {
                LOG.info("discovery: machine {} is the same machine as {}: merged", machine.id(), change.mergedAway());
            }
            compactIfDue();
        }
        announcements.offer(machine);
        return machine;
    }

    @Override
    public synchronized List<DiscoveredMachine> all() {
        return book.all();
    }

    /** The machine with this id or MAC. */
    public synchronized Optional<DiscoveredMachine> find(String idOrMac) {
        return book.find(idOrMac).map(MachineBook.Entry::machine);
    }

    @Override
    public synchronized Optional<DiscoveredMachine> remove(String idOrMac) {
        Optional<MachineBook.Entry> e = book.find(idOrMac);
        if (e.isEmpty()) {
            return Optional.empty();
        }
        String id = e.get().machine().id();
        write(List.of(JournalLines.del(id)), "the removal of machine " + id);
        book.remove(id);
        compactIfDue();
        LOG.info("discovery: machine {} removed", id);
        return Optional.of(e.get().machine());
    }

    /** How many announcements are waiting for their upstream. */
    public int pendingAnnouncements() {
        return announcements.pending();
    }

    /** Appends the change and flushes it to disk; the caller applies it in memory only after this returned. */
    private void write(List<String> lines, String what) {
        try {
            journal.append(lines);
        } catch (IOException e) {
            throw new StateNotRecorded("cannot record " + what + " in " + journal.file() + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() {
        announcements.close();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("discovery journal {} did not close cleanly: {}", journal.file(), e.getMessage());
        }
    }

    private static String dash(String s) {
        return s.isEmpty() ? "-" : s;
    }

    /** The registry as the announcer sees it. */
    private final class Records implements Announcements.Records {
        @Override
        public Optional<DiscoveredMachine> current(String id) {
            synchronized (JournalRegistry.this) {
                return book.get(id).map(MachineBook.Entry::machine);
            }
        }

        @Override
        public void announced(String id, String target, Instant at) {
            synchronized (JournalRegistry.this) {
                Optional<MachineBook.Entry> e = book.get(id);
                if (e.isEmpty()) {
                    return;
                }
                MachineBook.Entry updated = new MachineBook.Entry(e.get().machine().announcedTo(target, at), e.get().bootOpen());
                write(List.of(JournalLines.put(updated)), "the announcement of machine " + id + " to " + target);
                book.put(updated);
                compactIfDue();
            }
        }
    }
}
