package org.bootproxy.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a bounded per-MAC boot timeline in memory and logs the domain's own events (unknown machine,
 * built, failed) as one line each. Transport events (tftp, http) are logged by their transport
 * already, so they are only kept here, not logged twice.
 */
public final class EventLog implements BootEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EventLog.class);
    private static final Set<String> LOGGED_HERE = Set.of("unknown-machine", "menu-choice", "built", "failed");

    private final int maxMacs;
    private final int perMac;
    private final Map<String, Deque<BootEvent>> byMac;

    public EventLog(int maxMacs, int perMac) {
        this.maxMacs = maxMacs;
        this.perMac = perMac;
        this.byMac = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<BootEvent>> eldest) {
                return size() > EventLog.this.maxMacs;
            }
        };
    }

    @Override
    public void record(BootEvent e) {
        if (LOGGED_HERE.contains(e.stage())) {
            LOG.info("{} mac={} client={} detail={} outcome={} {}", e.stage(), e.mac().isEmpty() ? "-" : e.mac(),
                    e.clientIp(), e.detail(), e.outcome(), format(e.fields()));
        }
        synchronized (this) {
            if (!e.mac().isEmpty()) {
                Deque<BootEvent> q = byMac.computeIfAbsent(e.mac(), k -> new ArrayDeque<>());
                q.addLast(e);
                if (q.size() > perMac) {
                    q.removeFirst();
                }
            }
        }
    }

    /** The events recorded for one MAC (normalised colon form), oldest first. */
    public synchronized List<BootEvent> timeline(String mac) {
        Deque<BootEvent> q = byMac.get(mac);
        return q == null ? List.of() : new ArrayList<>(q);
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
