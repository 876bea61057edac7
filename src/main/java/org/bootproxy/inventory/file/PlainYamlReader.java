package org.bootproxy.inventory.file;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.inventory.file.YamlNode.Scalar.Type;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads the plain shape host files have with a fraction of the full parser's work (BENCHMARKS.md, issue 15): block
 * maps; block lists of values or of maps; one-line lists of plain values in brackets; plain, single-quoted and
 * double-quoted (no escapes) values on one line; comments and blank lines; LF or CRLF line ends. It builds exactly the
 * tree {@link YamlReader}'s Jackson/snakeyaml path builds (keys, order, values, scalar types, lines), and declines
 * (empty) every file it is not certain to read the same way: anchors, aliases, tags, block scalars, multi-line values,
 * escapes, tabs, documents markers, directives, duplicate keys, YAML 1.1 words (yes, on, ~, …), octal or hex-looking
 * numbers, anything malformed. A declined file goes to the full parser, so its errors read as before.
 */
final class PlainYamlReader {
    private static final int MAX_BYTES = 256 * 1024; // host files hold a few KiB: a larger one goes the full way
    private static final int MAX_DEPTH = 20; // host files nest three deep; Jackson's limit is far above
    private static final int MAX_KEY = 200; // snakeyaml refuses keys past 1,024 characters
    private static final int MAX_NUMBER = 30; // its resolver leaves values past 1,024 characters untyped
    /** Words YAML 1.1 may read as true/false or null, in any case: left to the full parser, except true/false. */
    private static final List<String> SPECIAL_WORDS = List.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");
    /**
     * The resolver Jackson's YAML parser types plain values with (a new one per parser there; read-only here), asked
     * only for digit-led values the quick rules below do not settle.
     */
    private static final Resolver RESOLVER = new Resolver();

    /** Thrown to give the file up; carries nothing (no stack trace), it only unwinds. */
    private static final class Decline extends RuntimeException {
        Decline() {
            super(null, null, false, false);
        }
    }

    private final Path file;
    private final String text;
    /** per line: first character, end (before CR LF), and its indent, or -1 when blank or a comment */
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private int[] indents = new int[64];
    private int count;
    /** the line being read: the next one that holds something, or {@code count} past the end */
    private int cur;

    private PlainYamlReader(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    /** The file's tree, or empty when it is not plainly shaped (read it with {@link YamlReader} then). */
    static Optional<YamlNode> read(Path file, byte[] bytes) {
        if (bytes.length == 0 || bytes.length > MAX_BYTES) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PlainYamlReader(file, new String(bytes, StandardCharsets.UTF_8)).document());
        } catch (Decline d) {
            return Optional.empty();
        }
    }

    private YamlNode document() {
        lines();
        cur = next(0);
        if (cur == count) {
            throw new Decline(); // empty: the full parser says so
        }
        YamlNode root = mapping(indents[cur], starts[cur] + indents[cur], cur + 1, 0);
        if (cur != count) {
            throw new Decline();
        }
        return root;
    }

    /** Splits the text into lines, refusing characters YAML treats specially (tabs, controls, other line breaks). */
    private void lines() {
        int n = text.length();
        int start = 0;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '\n') {
                int end = i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                add(start, end);
                start = i + 1;
            } else if (c == '\r' ? i + 1 >= n || text.charAt(i + 1) != '\n' : c < 0x20 || c >= 0x7F && !commentChar(c)) {
                throw new Decline();
            }
        }
    }

    /** Printable non-ASCII that is no line break, byte-order mark or replaced malformed byte: fine in a comment. */
    private static boolean commentChar(char c) {
        return c >= 0xA0 && c < 0xD800 && c != 0x2028 && c != 0x2029 || c >= 0xE000 && c < 0xFFFD && c != 0xFEFF;
    }

    private void add(int start, int end) {
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            indents = Arrays.copyOf(indents, count * 2);
        }
        int i = start;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        starts[count] = start;
        ends[count] = end;
        indents[count] = i == end || text.charAt(i) == '#' ? -1 : i - start;
        count++;
    }

    /** The first line from {@code line} on that holds something, or {@code count}. */
    private int next(int line) {
        while (line < count && indents[line] < 0) {
            line++;
        }
        return line;
    }

    /** A block map whose first key starts at {@code pos} on the current line, its keys in column {@code col}. */
    private YamlNode mapping(int col, int pos, int line, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Decline();
        }
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        while (true) {
            int keyLine = cur + 1;
            int colon = keyEnd(pos, ends[cur]);
            int end = colon;
            while (text.charAt(end - 1) == ' ') {
                end--;
            }
            String key = text.substring(pos, end);
            if (special(key)) {
                throw new Decline();
            }
            YamlNode value = value(colon + 1, col, keyLine, depth);
            if (entries.put(key, new YamlNode.Entry(key, keyLine, value, file)) != null) {
                throw new Decline(); // a duplicate key: the full parser names both lines
            }
            if (cur == count || indents[cur] < col) {
                return new YamlNode.Mapping(entries, line, file);
            }
            if (indents[cur] > col) {
                throw new Decline();
            }
            pos = starts[cur] + col;
        }
    }

    /** Where the key starting at {@code pos} ends: its ':' (followed by a space or the line's end). */
    private int keyEnd(int pos, int end) {
        char c = text.charAt(pos);
        if (!letter(c) && c != '_') {
            throw new Decline();
        }
        for (int i = pos + 1; i < end && i - pos <= MAX_KEY; i++) {
            c = text.charAt(i);
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                return i;
            }
            if (!wordChar(c)) {
                throw new Decline();
            }
        }
        throw new Decline();
    }

    /** What follows a key's ':' at {@code pos}: a value on the line, or a block below it, or null. Moves on. */
    private YamlNode value(int pos, int col, int keyLine, int depth) {
        int end = ends[cur];
        int q = spaces(pos, end);
        if (q == end || text.charAt(q) == '#') {
            cur = next(cur + 1);
            if (cur < count) {
                int ind = indents[cur];
                int s = starts[cur] + ind;
                if (ind > col) {
                    return dash(s) ? sequence(ind, keyLine, depth + 1) : mapping(ind, s, keyLine, depth + 1);
                }
                if (ind == col && dash(s)) {
                    return sequence(col, keyLine, depth + 1);
                }
            }
            return new YamlNode.Scalar("", Type.NULL, keyLine, file);
        }
        YamlNode value = text.charAt(q) == '[' ? flow(q, end) : scalar(q, end);
        cur = next(cur + 1);
        return value;
    }

    /** A block list whose dashes are in column {@code col}, from the current line on. */
    private YamlNode sequence(int col, int line, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Decline();
        }
        List<YamlNode> items = new ArrayList<>();
        while (true) {
            int s = starts[cur] + col;
            int end = ends[cur];
            if (s + 1 == end) {
                throw new Decline(); // an empty item, or one that starts on the next line
            }
            int q = spaces(s + 1, end);
            char c = q == end ? '#' : text.charAt(q);
            if (c == '#' || c == '-') {
                throw new Decline();
            }
            if (c != '\'' && c != '"' && hasKey(q, end)) {
                items.add(mapping(q - starts[cur], q, cur + 1, depth + 1));
            } else {
                items.add(scalar(q, end));
                cur = next(cur + 1);
            }
            if (cur == count || indents[cur] < col) {
                break;
            }
            if (indents[cur] > col) {
                throw new Decline();
            }
            if (!dash(starts[cur] + col)) {
                break; // the next key of the map this list is the value of
            }
        }
        return new YamlNode.Sequence(items, line, file);
    }

    /** A dash at {@code s} that starts a list item ("- "), or a lone dash at the line's end (declined later). */
    private boolean dash(int s) {
        return text.charAt(s) == '-' && (s + 1 == ends[cur] || text.charAt(s + 1) == ' ');
    }

    /** Whether the rest of the line from {@code q} holds a key's ':' before any comment. */
    private boolean hasKey(int q, int end) {
        for (int i = q; i < end; i++) {
            char c = text.charAt(i);
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ')) {
                return true;
            }
            if (c == '#' && text.charAt(i - 1) == ' ') {
                return false;
            }
        }
        return false;
    }

    /** A one-line list of plain values: {@code [a, b]}, {@code []}; anything richer is declined. */
    private YamlNode flow(int q, int end) {
        List<YamlNode> items = new ArrayList<>();
        int i = spaces(q + 1, end);
        if (i < end && text.charAt(i) == ']') {
            i++;
        } else {
            while (true) {
                int start = i;
                while (i < end && text.charAt(i) != ',' && text.charAt(i) != ']') {
                    char c = text.charAt(i++);
                    if (!wordChar(c)) {
                        throw new Decline(); // quotes, nested lists or maps, comments, ':'
                    }
                }
                int last = i;
                while (last > start && text.charAt(last - 1) == ' ') {
                    last--;
                }
                if (i == end || last == start) {
                    throw new Decline(); // runs on to the next line, or an empty item ("[a, ]")
                }
                items.add(typed(text.substring(start, last), cur + 1));
                if (text.charAt(i++) == ']') {
                    break;
                }
                i = spaces(i, end);
            }
        }
        afterValue(i, end);
        return new YamlNode.Sequence(items, cur + 1, file);
    }

    /** A value on one line starting at {@code q}: quoted, or plain up to a comment. */
    private YamlNode scalar(int q, int end) {
        char quote = text.charAt(q);
        if (quote == '\'' || quote == '"') {
            int i = q + 1;
            boolean doubled = false;
            while (true) {
                if (i == end) {
                    throw new Decline(); // runs on to the next line
                }
                char c = text.charAt(i);
                if (c >= 0x7F || c == '\\' && quote == '"') {
                    throw new Decline();
                }
                if (c == quote) {
                    if (quote == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
                        doubled = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
            String value = text.substring(q + 1, i);
            afterValue(i + 1, end);
            return new YamlNode.Scalar(doubled ? value.replace("''", "'") : value, Type.TEXT, cur + 1, file);
        }
        int last = q;
        for (int i = q; i < end; i++) {
            char c = text.charAt(i);
            if (c == '#' && text.charAt(i - 1) == ' ') {
                break;
            }
            if (c == ':' && (i + 1 == end || text.charAt(i + 1) == ' ') || c >= 0x7F) {
                throw new Decline();
            }
            if (c != ' ') {
                last = i + 1;
            }
        }
        return typed(text.substring(q, last), cur + 1);
    }

    /** After a quoted value or a list: nothing, or a comment after a space. */
    private void afterValue(int i, int end) {
        int j = spaces(i, end);
        if (j != end && (j == i || text.charAt(j) != '#')) {
            throw new Decline();
        }
    }

    /**
     * A plain value typed as Jackson types it (snakeyaml's YAML 1.1 resolver, then Jackson's reading of numbers), for
     * the values where that is certain; the rest is declined.
     */
    private YamlNode typed(String v, int line) {
        char c = v.charAt(0);
        if (letter(c)) {
            if (special(v)) {
                String bool = switch (v) {
                    case "true", "True", "TRUE" -> "true";
                    case "false", "False", "FALSE" -> "false";
                    default -> throw new Decline(); // yes, no, on, off, null in any case; tRUE and such
                };
                return new YamlNode.Scalar(bool, Type.BOOLEAN, line, file);
            }
            return new YamlNode.Scalar(v, Type.TEXT, line, file); // no resolver looks at other letters
        }
        if (c == '/' || c == '_') {
            return new YamlNode.Scalar(v, Type.TEXT, line, file); // nor at these
        }
        if (!digit(c)) {
            throw new Decline();
        }
        return new YamlNode.Scalar(v, digitLed(v), line, file);
    }

    /**
     * A value starting with a digit: {@code 9}, {@code 24}, {@code 9.4} are numbers; {@code 192.0.2.11} (dots without a
     * float's shape) and {@code 52:54:00:00:01:01} (Jackson reads a YAML 1.1 base-60 integer with a ':' as text) are
     * text; the rest as the resolver says when it says text, else declined (octal, hex, exponents, dates, …).
     */
    private static Type digitLed(String v) {
        int n = v.length();
        int dots = 0;
        int colons = 0;
        boolean segmentEmpty = false;
        boolean other = false;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c == '.' || c == ':') {
                segmentEmpty |= i == n - 1 || !digit(v.charAt(i + 1));
                dots += c == '.' ? 1 : 0;
                colons += c == ':' ? 1 : 0;
            } else if (!digit(c)) {
                other = true;
            }
        }
        boolean leadingZero = v.charAt(0) == '0' && n > 1 && digit(v.charAt(1));
        if (!other && !segmentEmpty && n <= MAX_NUMBER) {
            if (dots + colons == 0 && !leadingZero || dots == 1 && colons == 0 && !leadingZero) {
                return Type.NUMBER;
            }
            if (dots >= 2 && colons == 0 || colons >= 1 && dots == 0 && v.charAt(0) != '0') {
                return Type.TEXT;
            }
        }
        if (RESOLVER.resolve(NodeId.scalar, v, true) == Tag.STR) {
            return Type.TEXT;
        }
        throw new Decline();
    }

    private int spaces(int i, int end) {
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean special(String s) {
        return s.length() <= 5 && SPECIAL_WORDS.contains(s.toLowerCase(java.util.Locale.ROOT));
    }

    /** What keys and the values in a one-line list may hold: no quotes, brackets, ':', '#', … */
    private static boolean wordChar(char c) {
        return letter(c) || digit(c) || c == '_' || c == '-' || c == '.' || c == '/' || c == ' ';
    }

    private static boolean letter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
