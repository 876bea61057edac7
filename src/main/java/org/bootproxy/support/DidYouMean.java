package org.bootproxy.support;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * "did you mean …?": the known name closest to a mistyped one, when it is close enough to be a typo.
 * Names are compared as keys are read: case-insensitively, with {@code -} the same as {@code _}.
 */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The candidate fewest edits away from {@code typed} (the first one on a tie), if at most {@code maxEdits} away. */
    public static Optional<String> closest(String typed, Collection<String> candidates, int maxEdits) {
        String t = key(typed);
        return candidates.stream()
                .filter(c -> distance(t, key(c)) <= maxEdits)
                .min(Comparator.comparingInt(c -> distance(t, key(c))));
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_');
    }
}
