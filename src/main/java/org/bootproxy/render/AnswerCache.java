package org.bootproxy.render;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateKind;

/**
 * Rendered answers kept for reuse, at most {@code maxBytes} of them (by an estimate of their size in memory), the
 * least recently used dropped first. A kept answer is handed out again only while everything it was made from is
 * unchanged:
 * <ul>
 *   <li>the template and every template file it included, imported or looked for: each file's {@link
 *       org.bootproxy.support.FileStamp} is checked on every reuse, so an edit applies to the next request, as
 *       without the cache;</li>
 *   <li>everything the {@link RenderContext} carries except the request, compared with {@code equals}: the host
 *       (every value, its revision and its build flag, so a host marked built, failed or edited gets a new answer),
 *       the kind, the settings and URLs. The components are found by reflection, so one added to the context is
 *       part of the comparison without anyone remembering to add it here;</li>
 *   <li>of the request, exactly the values the template read ({@link RequestReads}): a script that reads none is one
 *       answer for every client, one that prints {@code request.mac} is one answer per MAC.</li>
 * </ul>
 * Templates that read the clock or evaluate text as FTL are never kept ({@link GuardedConfiguration#reusable}).
 * Thread-safe; the file checks run outside the lock.
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

        Entry(Key key, RenderContext context, List<RenderInputs.TemplateFile> templates, String body, long bytes) {
            this.key = key;
            this.context = context;
            this.templates = templates;
            this.body = body;
            this.bytes = bytes;
        }
    }

    /** The request key sets seen for one shape (a template reads the same keys, or a few sets by branch), and its entries. */
    private static final class ShapeReads {
        final List<List<String>> readSets = new ArrayList<>(2);
        int entries;
    }

    /** A shape whose template reads ever more key sets (branches on request values) stops being kept past this many. */
    private static final int MAX_READ_SETS = 8;
    /** What an entry costs besides its text and key values: the objects around them. */
    private static final long ENTRY_OVERHEAD = 400;
    private static final List<Method> COMPARED = Arrays.stream(RenderContext.class.getRecordComponents())
            .filter(c -> !c.getName().equals("request"))
            .map(RecordComponent::getAccessor)
            .toList();

    /** What the cache did so far. */
    record Stats(long hits, long misses, long stored, long evicted, long entries, long bytes) {
    }

    private final long maxBytes;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private final Map<Shape, ShapeReads> shapes = new HashMap<>();
    private long bytes;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stored = new LongAdder();
    private final LongAdder evicted = new LongAdder();

    /** @param maxBytes 0 keeps nothing */
    AnswerCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("answer cache size must not be negative: " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * The answer kept for {@code template} rendered in {@code context}, if one is and nothing it was made from changed.
     *
     * @param request the request hash the template would see ({@link RenderModel#request})
     */
    Optional<String> find(String template, RenderContext context, Map<String, Object> request) {
        if (maxBytes == 0) {
            return Optional.empty();
        }
        Shape shape = shape(template, context);
        List<Entry> candidates = new ArrayList<>(1);
        synchronized (this) {
            ShapeReads reads = shapes.get(shape);
            if (reads != null) {
                for (List<String> keys : reads.readSets) {
                    Entry e = entries.get(new Key(shape, keys, values(keys, request)));
                    if (e != null) {
                        candidates.add(e);
                    }
                }
            }
        }
        for (Entry e : candidates) {
            RenderContext made = e.context;
            if (sameExceptRequest(made, context) && e.templates.stream().allMatch(RenderInputs.TemplateFile::unchanged)) {
                if (made != context) {
                    e.context = context;
                }
                hits.increment();
                return Optional.of(e.body);
            }
        }
        misses.increment();
        return Optional.empty();
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
        Entry entry = new Entry(key, context, List.copyOf(inputs.templates()), body, size);
        synchronized (this) {
            ShapeReads reads = shapes.computeIfAbsent(shape, s -> new ShapeReads());
            if (!reads.readSets.contains(keys)) {
                if (reads.readSets.size() >= MAX_READ_SETS) {
                    if (reads.entries == 0) {
                        shapes.remove(shape);
                    }
                    return;
                }
                reads.readSets.add(keys);
            }
            Entry old = entries.put(key, entry);
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
        shapes.clear();
        bytes = 0;
    }

    synchronized Stats stats() {
        return new Stats(hits.sum(), misses.sum(), stored.sum(), evicted.sum(), entries.size(), bytes);
    }

    private void shrink() {
        Iterator<Entry> eldest = entries.values().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            Entry e = eldest.next();
            eldest.remove();
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
                if (!Objects.equals(m.invoke(a), m.invoke(b))) {
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
