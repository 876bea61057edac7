package org.bootproxy.inventory.file;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Equal values read from many host files, kept once. Thousands of hosts name the same operating system, medium,
 * subnet and params; kept once each, 50,000 host files hold about a third less heap (BENCHMARKS.md, issue 15). One
 * per rescan: it lives as long as the read and is dropped with it, so it never keeps a value nobody uses.
 * Thread-safe: a rescan reads files on every core.
 */
final class SharedValues {
    private final ConcurrentHashMap<Object, Object> seen = new ConcurrentHashMap<>();

    /** An immutable value: the first one equal to it given here, else {@code value} itself (null stays null). */
    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object first = seen.putIfAbsent(value, value);
        return first == null ? value : (T) first;
    }
}
