package org.bootproxy.discovery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import org.bootproxy.boot.AnnouncementRefused;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MachineAnnouncer;
import org.bootproxy.boot.UpstreamUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells each upstream ({@link MachineAnnouncer}: Foreman Discovery, a webhook) about each new unknown machine, once:
 * one background thread works through what is due, a failure to reach the upstream is tried again after a wait that
 * doubles up to a limit, and a success is recorded in the journal before the machine counts as announced (so a
 * restart does not announce it again). A refusal (the upstream answered 4xx) is logged and not retried until the next
 * start. Each try is a boot event ({@code announce}) on the machine's timeline.
 */
final class Announcements implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Announcements.class);

    /** What the announcer needs from the registry. */
    interface Records {
        /** The machine's record now; empty when it was removed. */
        Optional<DiscoveredMachine> current(String id);

        /** Records durably that the machine was announced to the target. */
        void announced(String id, String target, Instant at);
    }

    private record Task(String id, MachineAnnouncer target, int attempt, long dueNanos) implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }

        String key() {
            return id + " " + target.target();
        }
    }

    private final List<MachineAnnouncer> targets;
    private final DiscoverySettings settings;
    private final Records records;
    private final BootEvents events;
    private final Clock clock;
    private final DelayQueue<Task> queue = new DelayQueue<>();
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Thread worker;
    private volatile boolean closed;

    Announcements(List<MachineAnnouncer> targets, DiscoverySettings settings, Records records, BootEvents events, Clock clock) {
        this.targets = List.copyOf(targets);
        this.settings = Objects.requireNonNull(settings);
        this.records = Objects.requireNonNull(records);
        this.events = Objects.requireNonNull(events);
        this.clock = Objects.requireNonNull(clock);
        this.worker = new Thread(this::work, "discovery-announce");
        this.worker.setDaemon(true);
        if (!this.targets.isEmpty()) {
            this.worker.start();
        }
    }

    /** Queues the machine for every target it has not been announced to, when it is an unknown machine. */
    void offer(DiscoveredMachine m) {
        if (closed || !m.announceable()) {
            return;
        }
        for (MachineAnnouncer t : targets) {
            Task task = new Task(m.id(), t, 0, System.nanoTime());
            if (!m.announced().containsKey(t.target()) && pending.add(task.key())) {
                queue.add(task);
            }
        }
    }

    /** How many announcements are waiting (for a try or a retry). */
    int pending() {
        return pending.size();
    }

    private void work() {
        while (!closed) {
            Task t;
            try {
                t = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            run(t);
        }
    }

    private void run(Task t) {
        String target = t.target().target();
        Optional<DiscoveredMachine> m = records.current(t.id());
        if (m.isEmpty() || !m.get().announceable() || m.get().announced().containsKey(target)) {
            pending.remove(t.key());
            return;
        }
        try {
            t.target().announce(m.get());
            records.announced(t.id(), target, clock.instant());
            pending.remove(t.key());
            LOG.info("discovery: machine {} ({}) announced to {}", t.id(), macs(m.get()), target);
            event(m.get(), target, "ok", Map.of("attempt", Integer.toString(t.attempt() + 1)));
        } catch (AnnouncementRefused e) {
            pending.remove(t.key());
            LOG.warn("discovery: {} refused machine {} ({}): {}; not retried until bootproxy restarts", target, t.id(),
                    macs(m.get()), e.getMessage());
            event(m.get(), target, "refused", Map.of("reason", e.getMessage()));
        } catch (UpstreamUnavailable | org.bootproxy.boot.StateNotRecorded e) {
            Duration wait = backoff(t.attempt());
            LOG.warn("discovery: cannot announce machine {} to {} (try {}): {}; trying again in {} s", t.id(), target,
                    t.attempt() + 1, e.getMessage(), wait.toSeconds() > 0 ? wait.toSeconds() : wait.toMillis() / 1000.0);
            event(m.get(), target, "retry", Map.of("reason", String.valueOf(e.getMessage()), "attempt",
                    Integer.toString(t.attempt() + 1)));
            queue.add(new Task(t.id(), t.target(), t.attempt() + 1, System.nanoTime() + wait.toNanos()));
        } catch (RuntimeException e) {
            Duration wait = backoff(t.attempt());
            LOG.error("discovery: announcing machine {} to {} failed on a bug; trying again in {}", t.id(), target, wait, e);
            queue.add(new Task(t.id(), t.target(), t.attempt() + 1, System.nanoTime() + wait.toNanos()));
        }
    }

    /** The wait after the given (0-based) failed try: firstRetry, doubled each time, at most maxRetry. */
    Duration backoff(int attempt) {
        Duration d = settings.firstRetry();
        for (int i = 0; i < attempt && d.compareTo(settings.maxRetry()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : d;
    }

    private void event(DiscoveredMachine m, String target, String outcome, Map<String, String> more) {
        Map<String, String> f = new java.util.LinkedHashMap<>(more);
        f.put("target", target);
        f.put("machine", m.id());
        f.put("macs", macs(m));
        events.record(new BootEvent(clock.instant(), m.macs().get(0).colons(), m.clientIp(), "announce", target, outcome, f));
    }

    private static String macs(DiscoveredMachine m) {
        return String.join(",", m.macs().stream().map(Object::toString).toList());
    }

    @Override
    public void close() {
        closed = true;
        worker.interrupt();
    }
}
