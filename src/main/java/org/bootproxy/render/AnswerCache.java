package org.bootproxy.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateKind;

/**
 * Rendered answers kept for reuse, at most {@code maxBytes} of them (by an estimate of their size in memory), the
 * least recently used dropped first. A kept answer is handed out again only while everything it was made from is
 * unchanged:
 * <ul>
 *   <li>the template and every template file it included, imported or looked for: each file's {@link
 *       org.bootproxy.support.FileStamp} is checked on reuse once the last check is {@link TemplateChecks} old (a
 *       second), so an edit applies within a second, and an answer asked for again and again costs no {@code stat};</li>
 *   <li>everything the {@link RenderContext} carries except the request, compared with {@code equals}: the host
 *       (every value, its revision and its build flag, so a host marked built, failed or edited gets a new answer),
 *       the kind, the settings and URLs. The components are found by reflection, so one added to the context is
 *       part of the comparison without anyone remembering to add it here;</li>
 *   <li>of the request, exactly the values the template read ({@link RequestReads}): a script that reads none is one
 *       answer for every client, one that prints {@code request.mac} is one answer per MAC.</li>
 * </ul>
 * Templates that read the clock or evaluate text as FTL are never kept ({@link GuardedConfiguration#reusable}).
 * Thread-safe: finding an answer takes no lock (concurrent maps; the least recently used order is kept by a mark
 * each reuse sets and {@link #store} reads, under its lock, before it drops an entry); the file checks run outside
 * any lock.
 */
final class AnswerCache {

    /** Entries of one template, kind and host name; the request values come on top. */
    private record Shape(String template, TemplateKind kind, String hostName) {
    }

    /** Where one answer is kept: its shape and the values of the request keys its template read (keys sorted). */
    private record Key(Shape shape, List<String> readKeys, List<Object> readValues) {
    }

    private static final class Entry {
        final Key key;
        /** The context it was made for; replaced by an equal one on reuse, so the next comparison is by identity. */
        volatile RenderContext context;
        final List<RenderInputs.TemplateFile> templates;
        final String body;
        final long bytes;
        /** When its template files were last found unchanged ({@link TemplateChecks#now}). */
        volatile long checkedAt;
        /** Reused since {@link #shrink} last passed it: it goes to the back of the queue rather than out. */
        volatile boolean used;

        Entry(Key key, RenderContext context, List<RenderInputs.TemplateFile> templates, String body, long bytes,
              long checkedAt) {
            this.key = key;
            this.context = context;
            this.templates = templates;
            this.body = body;
            this.bytes = bytes;
            this.checkedAt = checkedAt;
        }
    }

    /**
     * The request key sets seen for one shape (a template reads the same keys, or a few sets by branch), and its
     * entries. {@code readSets} is replaced whole, under the cache's lock, and read without it.
     */
    private static final class ShapeReads {
        volatile List<List<String>> readSets = List.of();
        int entries;
    }

    /** A shape whose template reads ever more key sets (branches on request values) stops being kept past this many. */
    private static final int MAX_READ_SETS = 8;
    /** What an entry costs besides its text and key values: the objects around them. */
    private static final long ENTRY_OVERHEAD = 400;
    private static final Method[] COMPARED = Arrays.stream(RenderContext.class.getRecordComponents())
            .filter(c -> !c.getName().equals("request"))
            .map(RecordComponent::getAccessor)
            .toArray(Method[]::new);
    /** The accessors' (empty) arguments, one array for every call: a call without it makes a new one each time. */
    private static final Object[] NO_ARGS = {};

    /** What the cache did so far. */
    record Stats(long hits, long misses, long stored, long evicted, long entries, long bytes) {
    }

    private final long maxBytes;
    private final TemplateChecks checks;
    /** The answers, found without a lock; changed only under it. */
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    /** The same entries, stored first at the front; under the lock. */
    private final LinkedHashMap<Key, Entry> order = new LinkedHashMap<>();
    private final Map<Shape, ShapeReads> shapes = new ConcurrentHashMap<>();
    private long bytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder evicted = new LongAdder();

    /**
     * @param maxBytes 0 keeps nothing
     * @param checks   how often a kept answer's template files are looked at again
     */
    AnswerCache(long maxBytes, TemplateChecks checks) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("answer cache size must not be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.checks = Objects.requireNonNull(checks, "checks");
    }

    /**
     * The answer kept for {@code template} rendered in {@code context}, if one is and nothing it was made from changed.
     *
     * @param request the request hash the template would see ({@link RenderModel#request}); asked only when a kept
     *                answer depends on request values
     */
    Optional<String> find(String template, RenderContext context, Supplier<Map<String, Object>> request) {
        if (maxBytes == 0) {
            return Optional.empty();
        }
        Shape shape = shape(template, context);
        ShapeReads reads = shapes.get(shape);
        if (reads != null) {
            Map<String, Object> values = null;
            for (List<String> keys : reads.readSets) {
                if (!keys.isEmpty() && values == null) {
                    values = request.get();
                }
                Entry e = entries.get(new Key(shape, keys, values(keys, values)));
                if (e != null && current(e, context)) {
                    if (!e.used) {
                        e.used = true;
                    }
                    hits.increment();
                    return Optional.of(e.body);
                }
            }
        }
        misses.increment();
        return Optional.empty();
    }

    /** The entry was made from what {@code context} has (but the request), and its template files are unchanged. */
    private boolean current(Entry e, RenderContext context) {
        RenderContext made = e.context;
        if (!sameExceptRequest(made, context)) {
            return false;
        }
        long now = checks.now();
        if (checks.due(e.checkedAt, now)) {
            for (RenderInputs.TemplateFile f : e.templates) {
                if (!f.unchanged()) {
                    return false;
                }
            }
            e.checkedAt = now;
        }
        if (made != context) {
            e.context = context;
        }
        return true;
    }

    /**
     * Keeps {@code body}, made from {@code context} and {@code inputs}, unless it may not be kept or is too large
     * (over an eighth of the cache). It replaces the answer kept under the same template, host name and request
     * values: that one was made from an older host, build state or template.
     */
    void store(String template, RenderContext context, Map<String, Object> request, RenderInputs inputs, String body) {
        if (maxBytes == 0 || !inputs.notReusable().isEmpty()) {
            return;
        }
        List<String> keys = List.copyOf(inputs.requestKeys());
        List<Object> values = values(keys, request);
        long size = ENTRY_OVERHEAD + textBytes(body) + keys.size() * 64L + values.stream().mapToLong(AnswerCache::valueBytes).sum()
                + inputs.templates().size() * 160L;
        if (size > maxBytes / 8) {
            return;
        }
        Shape shape = shape(template, context);
        Key key = new Key(shape, keys, values);
        Entry entry = new Entry(key, context, List.copyOf(inputs.templates()), body, size, inputs.startedAt());
        synchronized (this) {
            ShapeReads reads = shapes.computeIfAbsent(shape, s -> new ShapeReads());
            if (!reads.readSets.contains(keys)) {
                if (reads.readSets.size() >= MAX_READ_SETS) {
                    if (reads.entries == 0) {
                        shapes.remove(shape);
                    }
                    return;
                }
                List<List<String>> more = new ArrayList<>(reads.readSets);
                more.add(keys);
                reads.readSets = List.copyOf(more);
            }
            Entry old = order.remove(key);
            order.put(key, entry);
            entries.put(key, entry);
            if (old != null) {
                bytes -= old.bytes;
            } else {
                reads.entries++;
            }
            bytes += size;
            stored.increment();
            shrink();
        }
    }

    /** Forgets every answer (a reload). */
    synchronized void clear() {
        entries.clear();
        order.clear();
        shapes.clear();
        bytes = 0;
    }

    synchronized Stats stats() {
        return new Stats(hits.sum(), misses.sum(), stored.sum(), evicted.sum(), entries.size(), bytes);
    }

    /**
     * Drops entries, the least recently stored or reused first, until the cache is within its bound: an entry reused
     * since it was last passed goes to the back instead, once (its mark cleared), so the loop ends.
     */
    private void shrink() {
        while (bytes > maxBytes && !order.isEmpty()) {
            Iterator<Entry> eldest = order.values().iterator();
            Entry e = eldest.next();
            eldest.remove();
            if (e.used) {
                e.used = false;
                order.put(e.key, e);
                continue;
            }
            entries.remove(e.key);
            bytes -= e.bytes;
            evicted.increment();
            ShapeReads reads = shapes.get(e.key.shape());
            if (reads != null && --reads.entries == 0) {
                shapes.remove(e.key.shape());
            }
        }
    }

    private static Shape shape(String template, RenderContext context) {
        return new Shape(template, context.kind(), context.host().map(Host::name).orElse(""));
    }

    private static List<Object> values(List<String> keys, Map<String, Object> request) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Objects.requireNonNull(request, "request");
        List<Object> out = new ArrayList<>(keys.size());
        for (String k : keys) {
            out.add(request.get(k));
        }
        return out;
    }

    /** Every component of the two contexts but the request is equal. */
    static boolean sameExceptRequest(RenderContext a, RenderContext b) {
        if (a == b) {
            return true;
        }
        try {
            for (Method m : COMPARED) {
                if (!Objects.equals(m.invoke(a, NO_ARGS), m.invoke(b, NO_ARGS))) {
                    return false;
                }
            }
            return true;
        } catch (IllegalAccessException | InvocationTargetException e) {
            return false; // cannot tell: make the answer again
        }
    }

    /** Latin-1 text is kept one byte a character, anything else two. */
    private static long textBytes(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return 48 + 2L * s.length();
            }
        }
        return 48 + (long) s.length();
    }

    private static long valueBytes(Object v) {
        if (v instanceof String s) {
            return textBytes(s);
        }
        if (v instanceof List<?> l) {
            return 32 + l.stream().mapToLong(AnswerCache::valueBytes).sum();
        }
        return 16;
    }

    /** For tests: the request key sets kept for a template, kind and host name. */
    synchronized Set<List<String>> readSets(String template, TemplateKind kind, String hostName) {
        ShapeReads r = shapes.get(new Shape(template, kind, hostName));
        return r == null ? Set.of() : Set.copyOf(r.readSets);
    }
}
