package org.bootproxy.support;

import java.util.Optional;
import java.util.function.Predicate;

/**
 * A throwable's chain of causes, read the one way: from the throwable itself down to its root, stopping at a cause
 * that is its own (as {@link Throwable#getCause} leaves it) and after {@value #MAX_DEPTH} links, so a chain a library
 * built in a circle cannot hang the thread that reads it.
 */
public final class Causes {
    /** Far deeper than any real chain (a few wrappers); only a circular one gets this far. */
    static final int MAX_DEPTH = 64;

    private Causes() {
    }

    /**
     * The first of {@code t} and its causes that is a {@code type}: a class, or an interface such as Jetty's
     * {@code HttpException}.
     */
    public static <T> Optional<T> first(Throwable t, Class<T> type) {
        return first(t, type, c -> true);
    }

    /** The first of {@code t} and its causes that is a {@code type} and passes {@code test}. */
    public static <T> Optional<T> first(Throwable t, Class<T> type, Predicate<? super T> test) {
        int depth = 0;
        for (Throwable c = t; c != null && depth++ < MAX_DEPTH; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c) && test.test(type.cast(c))) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }

    /** The last cause in {@code t}'s chain ({@code t} itself when it has none). */
    public static Throwable root(Throwable t) {
        Throwable root = t;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < MAX_DEPTH) {
            root = root.getCause();
        }
        return root;
    }
}
