package org.bootproxy.boot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A shell-style pattern a profile matches a machine fact with: {@code *} any text, {@code ?} one character,
 * {@code [abc]}, {@code [a-z]}, {@code [!0-9]} one of (or none of) a set; anything else stands for itself.
 * Matching ignores case ({@code Dell Inc.} matches {@code DELL INC.}). Without a wildcard it is an exact match.
 *
 * @param text the pattern as written
 */
public record Glob(String text) {

    /** One position of a pattern: a literal character, {@code ?}, {@code *} or a set. */
    private record Token(Kind kind, char ch, String set, boolean negated) {
        enum Kind { CHAR, ANY, STAR, SET }

        boolean accepts(char c) {
            return switch (kind) {
                case CHAR -> ch == c;
                case ANY, STAR -> true;
                case SET -> inSet(set, c) != negated;
            };
        }

        private static boolean inSet(String set, char c) {
            for (int i = 0; i < set.length(); i++) {
                if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                    if (c >= set.charAt(i) && c <= set.charAt(i + 2)) {
                        return true;
                    }
                    i += 2;
                } else if (set.charAt(i) == c) {
                    return true;
                }
            }
            return false;
        }
    }

    public Glob {
        Objects.requireNonNull(text, "text");
        tokens(text); // refuses an unclosed [
    }

    /** True when the pattern has no wildcard: it matches one text only. */
    public boolean isLiteral() {
        return tokens(text).stream().allMatch(t -> t.kind() == Token.Kind.CHAR);
    }

    /** Whether {@code value} matches the whole pattern, ignoring case. */
    public boolean matches(String value) {
        List<Token> p = tokens(text);
        String v = fold(value == null ? "" : value);
        // classic two-pointer glob match with backtracking to the last star
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.size() && p.get(pi).kind() != Token.Kind.STAR && p.get(pi).accepts(v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.size() && p.get(pi).kind() == Token.Kind.STAR) {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.size() && p.get(pi).kind() == Token.Kind.STAR) {
            pi++;
        }
        return pi == p.size();
    }

    /**
     * Whether some text matches both patterns: two profiles whose patterns for every fact they share can meet
     * can both match one machine. Exact, not a guess: {@code R6*} and {@code R7*} never meet, {@code R*} and
     * {@code *40} do ({@code R40}).
     */
    public boolean overlaps(Glob other) {
        List<Token> a = tokens(text);
        List<Token> b = tokens(other.text);
        return meet(a, 0, b, 0, new HashSet<>());
    }

    private static boolean meet(List<Token> a, int i, List<Token> b, int j, Set<Long> seen) {
        if (!seen.add((long) i << 32 | j)) {
            return false;
        }
        if (i == a.size() && j == b.size()) {
            return true;
        }
        if (i < a.size() && a.get(i).kind() == Token.Kind.STAR) {
            // the star matches nothing, or takes the next character the other pattern produces
            return meet(a, i + 1, b, j, seen) || j < b.size() && meet(a, i, b, j + 1, seen);
        }
        if (j < b.size() && b.get(j).kind() == Token.Kind.STAR) {
            return meet(a, i, b, j + 1, seen) || i < a.size() && meet(a, i + 1, b, j, seen);
        }
        if (i == a.size() || j == b.size()) {
            return false;
        }
        return someCharBoth(a.get(i), b.get(j)) && meet(a, i + 1, b, j + 1, seen);
    }

    /** Whether one character is accepted by both single-character tokens. */
    private static boolean someCharBoth(Token x, Token y) {
        if (x.kind() == Token.Kind.CHAR) {
            return y.accepts(x.ch());
        }
        if (y.kind() == Token.Kind.CHAR) {
            return x.accepts(y.ch());
        }
        for (char c = 1; c < 0x3000; c++) { // sets of text a machine reports: well inside this range
            if (x.accepts(c) && y.accepts(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<Token> tokens(String pattern) {
        String p = fold(pattern);
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '*') {
                if (out.isEmpty() || out.get(out.size() - 1).kind() != Token.Kind.STAR) {
                    out.add(new Token(Token.Kind.STAR, c, "", false));
                }
            } else if (c == '?') {
                out.add(new Token(Token.Kind.ANY, c, "", false));
            } else if (c == '[') {
                int end = p.indexOf(']', i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("'" + pattern + "': a [ at position " + (i + 1)
                            + " is not closed by ]; write [[] for a literal [");
                }
                boolean negated = p.charAt(i + 1) == '!' || p.charAt(i + 1) == '^';
                out.add(new Token(Token.Kind.SET, c, p.substring(negated ? i + 2 : i + 1, end), negated));
                i = end;
            } else {
                out.add(new Token(Token.Kind.CHAR, c, "", false));
            }
        }
        return out;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return text;
    }
}
