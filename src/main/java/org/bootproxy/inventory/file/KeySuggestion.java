package org.bootproxy.inventory.file;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** "did you mean …": the allowed key closest to a misspelt one, when it is close enough to be a typo. */
final class KeySuggestion {
    private static final int MAX_EDITS = 2;

    private KeySuggestion() {
    }

    static Optional<String> closest(String typed, List<String> allowed) {
        String t = typed.toLowerCase(Locale.ROOT).replace('-', '_');
        return allowed.stream()
                .filter(a -> distance(t, a) <= MAX_EDITS)
                .min(Comparator.comparingInt(a -> distance(t, a)));
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
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
}
