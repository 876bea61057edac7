package org.bootproxy.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-MAC boot timelines, in memory, and the one log line each of the domain's own events gets (unknown machine,
 * built, failed, rebuild, announce; transports log their requests themselves).
 *
 * <p>An event is filed under its MAC and under every MAC its {@code macs} field lists (an unknown machine's report
 * names all of its NICs). An event that only knows the client's address (the TFTP of {@code pxelinux.0}, iPXE's
 * bootstrap request) is joined to a MAC through the address: every event carrying both a MAC and an address teaches
 * which MAC that address belongs to, and events of the address that came before are moved into that MAC's timeline
 * then. A joined event carries {@code mac_from=client-ip}.
 *
 * <p>Bounded twice: at most {@code perMac} events per MAC (the oldest dropped first), and all timelines together
 * (with the events still waiting for their MAC) at most {@code maxBytes} by an estimate of their size in memory; past
 * it the MAC (or address) seen least recently is dropped whole.
 */
public final class EventLog implements BootEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final Set<String> LOGGED_HERE = Set.of("unknown-machine", "menu-choice", "built", "failed", "rebuild");
    /** Addresses whose MAC is remembered; the oldest is forgotten first. */
    private static final int MAX_ADDRESSES = 65_536;

    /**
     * One timeline's events and their estimated size. Each event's own size is kept beside it, so dropping the oldest
     * (once a timeline is full, on every event, under the lock every request waits for) does not work it out again.
     */
    private static final class Line {
        final Deque<BootEvent> events = new ArrayDeque<>();
        /** The sizes of {@link #events}, in their order: a ring starting at {@link #first}. */
        private int[] sizes = new int[8];
        private int first;
        long bytes;

        void addLast(BootEvent e, long size) {
            int n = events.size();
            if (n == sizes.length) {
                int[] more = new int[n * 2];
                for (int i = 0; i < n; i++) {
                    more[i] = sizes[(first + i) % n];
                }
                sizes = more;
                first = 0;
            }
            sizes[(first + n) % sizes.length] = (int) Math.min(size, Integer.MAX_VALUE);
            events.addLast(e);
            bytes += size;
        }

        /** Drops the oldest event; returns its size. */
        long removeFirst() {
            events.removeFirst();
            long size = sizes[first];
            first = (first + 1) % sizes.length;
            bytes -= size;
            return size;
        }

        void clear() {
            events.clear();
            first = 0;
            bytes = 0;
        }
    }

    private final int perMac;
    private final long maxBytes;
    /** MAC (colon form) → its timeline, least recently updated first. */
    private final LinkedHashMap<String, Line> byMac = new LinkedHashMap<>();
    /** client address → events waiting for its MAC, least recently updated first. */
    private final LinkedHashMap<String, Line> waiting = new LinkedHashMap<>();
    private final LinkedHashMap<String, String> macByAddress = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };
    private final List<Follower> followers = new CopyOnWriteArrayList<>();
    private long bytes;
    /** The MAC whose timeline was updated last (the last of {@link #byMac}) and that timeline, or null. */
    private String newestMac;
    private Line newestLine;

    private record Follower(String mac, Consumer<BootEvent> consumer) {
    }

    public EventLog(int perMac, long maxBytes) {
        if (perMac < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("timeline bounds must be positive: " + perMac + " events, " + maxBytes + " bytes");
        }
        this.perMac = perMac;
        this.maxBytes = maxBytes;
    }

    @Override
    public void record(BootEvent e) {
        if (LOGGED_HERE.contains(e.stage())) {
            LOG.info("{} mac={} client={} detail={} outcome={} {}", e.stage(), e.mac().isEmpty() ? "-" : e.mac(),
                    e.clientIp().isEmpty() ? "-" : e.clientIp(), e.detail(), e.outcome(), format(e.fields()));
        }
        // what does not need the timelines is worked out before taking their lock: every request waits for it
        List<String> macs = e.mac().isEmpty() ? List.of() : macsOf(e);
        long size = size(e);
        List<Map.Entry<String, BootEvent>> filed = new ArrayList<>(2);
        synchronized (this) {
            if (!e.mac().isEmpty()) {
                if (!e.clientIp().isEmpty()) {
                    learn(e.clientIp(), e.mac(), filed);
                }
                for (String mac : macs) {
                    add(touchMac(mac), e, size);
                    filed.add(Map.entry(mac, e));
                }
            } else if (!e.clientIp().isEmpty()) {
                String mac = macByAddress.get(e.clientIp());
                if (mac != null) {
                    BootEvent joined = joined(e, mac);
                    add(touchMac(mac), joined, size(joined));
                    filed.add(Map.entry(mac, joined));
                } else {
                    add(touch(waiting, e.clientIp()), e, size);
                }
            }
            shrink();
        }
        if (followers.isEmpty()) {
            return;
        }
        for (Map.Entry<String, BootEvent> f : filed) {
            for (Follower follower : followers) {
                if (follower.mac().equals(f.getKey())) {
                    follower.consumer().accept(f.getValue());
                }
            }
        }
    }

    /** The address belongs to the MAC: events that waited for it join the MAC's timeline, in time order. */
    private void learn(String address, String mac, List<Map.Entry<String, BootEvent>> filed) {
        macByAddress.put(address, mac);
        Line early = waiting.remove(address);
        if (early == null) {
            return;
        }
        bytes -= early.bytes;
        Line line = touchMac(mac);
        List<BootEvent> all = new ArrayList<>(line.events);
        early.events.forEach(ev -> {
            BootEvent j = joined(ev, mac);
            all.add(j);
            filed.add(Map.entry(mac, j));
        });
        all.sort(Comparator.comparing(BootEvent::at));
        bytes -= line.bytes;
        line.clear();
        all.forEach(ev -> add(line, ev, size(ev)));
    }

    /**
     * {@link #touch} of a MAC's timeline; the MAC updated last is already at the end (a machine's requests come one
     * after another), so it is not moved again. Every update of {@link #byMac}'s order goes through here.
     */
    private Line touchMac(String mac) {
        if (mac.equals(newestMac)) {
            return newestLine;
        }
        Line line = touch(byMac, mac);
        newestMac = mac;
        newestLine = line;
        return line;
    }

    /** The key's line, moved to the most recently updated end (reading a timeline does not move it). */
    private static Line touch(LinkedHashMap<String, Line> map, String key) {
        Line line = map.remove(key);
        map.put(key, line == null ? new Line() : line);
        return map.get(key);
    }

    /** @param size {@link #size} of {@code e} */
    private void add(Line line, BootEvent e, long size) {
        line.addLast(e, size);
        bytes += size;
        while (line.events.size() > perMac) {
            bytes -= line.removeFirst();
        }
    }

    /** Drops whole timelines, least recently updated first (events still waiting for a MAC before those that have one). */
    private void shrink() {
        while (bytes > maxBytes && !waiting.isEmpty()) {
            bytes -= waiting.remove(waiting.keySet().iterator().next()).bytes;
        }
        while (bytes > maxBytes && byMac.size() > 1) {
            String eldest = byMac.keySet().iterator().next();
            bytes -= byMac.remove(eldest).bytes;
            if (eldest.equals(newestMac)) { // cannot be while it is the last; kept true if that ever changes
                newestMac = null;
                newestLine = null;
            }
        }
    }

    /** The events recorded for one MAC (normalised colon form), oldest first. */
    public synchronized List<BootEvent> timeline(String mac) {
        Line line = byMac.get(mac);
        return line == null ? List.of() : new ArrayList<>(line.events);
    }

    /** The MACs with a timeline, the most recently updated first, with their latest event. */
    public synchronized List<BootEvent> latest() {
        List<BootEvent> out = new ArrayList<>();
        byMac.forEach((mac, line) -> {
            BootEvent last = line.events.peekLast();
            if (last != null) {
                out.add(last.mac().equals(mac) ? last : new BootEvent(last.at(), mac, last.clientIp(), last.stage(),
                        last.detail(), last.outcome(), last.fields()));
            }
        });
        java.util.Collections.reverse(out); // the map iterates least recently updated first
        return out;
    }

    /** What the timelines take, by the estimate they are bounded by. */
    public synchronized long bytes() {
        return bytes;
    }

    /**
     * Hands {@code consumer} every event filed under {@code mac} from now on, until the returned handle is closed.
     * It is called on the thread that recorded the event: it must not block (queue the event and return).
     */
    public AutoCloseable follow(String mac, Consumer<BootEvent> consumer) {
        Follower f = new Follower(mac, consumer);
        followers.add(f);
        return () -> followers.remove(f);
    }

    /** How many {@link #follow} handles are open. */
    public int followers() {
        return followers.size();
    }

    private static List<String> macsOf(BootEvent e) {
        List<String> macs = new ArrayList<>();
        macs.add(e.mac());
        String listed = e.fields().get("macs");
        if (listed != null) {
            for (String m : listed.split(",")) {
                MacAddress.tryParse(m).map(MacAddress::colons).filter(c -> !macs.contains(c)).ifPresent(macs::add);
            }
        }
        return macs;
    }

    private static BootEvent joined(BootEvent e, String mac) {
        Map<String, String> f = new LinkedHashMap<>(e.fields());
        f.put("mac_from", "client-ip");
        return new BootEvent(e.at(), mac, e.clientIp(), e.stage(), e.detail(), e.outcome(), f);
    }

    /** An estimate of an event's heap size: the strings (two bytes a character) and the objects around them. */
    static long size(BootEvent e) {
        long chars = e.mac().length() + e.clientIp().length() + e.stage().length() + e.detail().length() + e.outcome().length();
        long entries = 0;
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            chars += f.getKey().length() + f.getValue().length();
            entries++;
        }
        return 160 + 2 * chars + 48 * entries;
    }

    private static String format(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(en -> en.getKey() + "=" + quote(en.getValue()))
                .collect(Collectors.joining(" "));
    }

    private static String quote(String v) {
        return v.isEmpty() || v.contains(" ") ? "\"" + v.replace("\"", "'") + "\"" : v;
    }
}
