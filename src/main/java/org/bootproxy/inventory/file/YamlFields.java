package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bootproxy.inventory.file.YamlNode.Mapping;
import org.bootproxy.inventory.file.YamlNode.Scalar;
import org.bootproxy.support.DidYouMean;

/**
 * Typed access to the values of one YAML file that collects problems instead of stopping at the
 * first: each getter records what is wrong (key path, line, what is allowed) and returns a harmless value.
 * A host merged with its groups holds values from group files: a problem with such a value names the host
 * file and the line naming the group, then the group file and the value's line there.
 */
class YamlFields {
    /**
     * A group merged into the file being read.
     *
     * @param name     the group's name
     * @param hostLine the line of the file being read that names it (its {@code group:}/{@code groups:} key)
     */
    record GroupRef(String name, int hostLine) {
    }

    private static final String OCTET = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");

    private final Path file;
    private final Map<Path, GroupRef> groups;
    private final List<HostFileProblem> problems = new ArrayList<>();

    YamlFields(Path file) {
        this(file, Map.of());
    }

    /** @param groups the group files merged into this one, by file */
    YamlFields(Path file, Map<Path, GroupRef> groups) {
        this.file = file;
        this.groups = Map.copyOf(groups);
    }

    final List<HostFileProblem> problems() {
        return List.copyOf(problems);
    }

    final void problem(int line, String message) {
        problems.add(new HostFileProblem(file, line, message));
    }

    /** A problem with a value or key, wherever it was written (this file or a group merged into it). */
    final void problem(Located where, String message) {
        GroupRef group = where.file() == null || where.file().equals(file) ? null : groups.get(where.file());
        if (group == null) {
            problem(where.line(), message);
        } else {
            problems.add(new HostFileProblem(file, group.hostLine(), "group " + group.name() + " (" + where.file()
                    + (where.line() > 0 ? " line " + where.line() : "") + "): " + message));
        }
    }

    /** The key's entry, or the map holding it when the key is missing: where a problem with the key is. */
    static Located at(Mapping m, String key) {
        YamlNode.Entry e = m.entries().get(key);
        return e == null ? m : e;
    }

    /** The value under key; empty when the key is missing or has no value. */
    static Optional<YamlNode> get(Mapping m, String key) {
        YamlNode.Entry e = m.entries().get(key);
        if (e == null || e.value() instanceof Scalar s && s.isNull()) {
            return Optional.empty();
        }
        return Optional.of(e.value());
    }

    /** The line of the key, or of the map holding it when the key is missing. */
    static int lineOf(Mapping m, String key) {
        YamlNode.Entry e = m.entries().get(key);
        return e == null ? m.line() : e.line();
    }

    /** A plain value as text (numbers keep their spelling), "" when absent. */
    final String text(Mapping m, String key, String path) {
        return get(m, key).map(v -> scalarText(v, path)).orElse("");
    }

    final String scalarText(YamlNode value, String path) {
        if (value instanceof Scalar s) {
            return s.text().trim();
        }
        problem(value, path + ": expected a plain value (text, number or true/false), found " + value.kindName());
        return "";
    }

    /** An IPv4 address, "" when absent. */
    final String ipv4(Mapping m, String key, String path) {
        String ip = text(m, key, path);
        if (!ip.isEmpty() && !IPV4.matcher(ip).matches()) {
            problem(at(m, key), path + ": '" + ip + "' is not an IPv4 address (e.g. 192.0.2.10)");
        }
        return ip;
    }

    final boolean bool(Mapping m, String key, String path, boolean otherwise) {
        Optional<YamlNode> value = get(m, key);
        if (value.isEmpty()) {
            return otherwise;
        }
        if (value.get() instanceof Scalar s && s.type() == Scalar.Type.BOOLEAN) {
            return s.text().equals("true");
        }
        String found = value.get() instanceof Scalar s ? "'" + s.text() + "'" : value.get().kindName();
        problem(value.get(), path + ": expected true or false, found " + found);
        return otherwise;
    }

    /** A nested map; empty when absent, or (with a problem recorded) when the value is not a map. */
    final Optional<Mapping> mapping(Mapping m, String key, String path) {
        Optional<YamlNode> value = get(m, key);
        if (value.isPresent() && !(value.get() instanceof Mapping)) {
            problem(value.get(), path + ": expected a map of keys, found " + value.get().kindName());
            return Optional.empty();
        }
        return value.map(Mapping.class::cast);
    }

    /** A key this many edits from an allowed one is taken for a typo of it. */
    private static final int MAX_TYPO_EDITS = 2;

    /** Records every key of the map that is not allowed, suggesting the allowed key it is probably a typo of. */
    final void allowOnly(Mapping m, String where, List<String> allowed) {
        for (YamlNode.Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                String key = where.isEmpty() ? e.key() : where + "." + e.key();
                problem(e, "unknown key '" + key + "'"
                        + DidYouMean.closest(e.key(), allowed, MAX_TYPO_EDITS).map(s -> ", did you mean '" + s + "'?").orElse("")
                        + " (allowed" + (where.isEmpty() ? "" : " in " + where) + ": " + String.join(", ", allowed) + ")");
            }
        }
    }
}
