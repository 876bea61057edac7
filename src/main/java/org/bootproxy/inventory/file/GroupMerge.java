package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bootproxy.boot.DiscoveredToken;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.inventory.file.YamlNode.Entry;
import org.bootproxy.inventory.file.YamlNode.Mapping;
import org.bootproxy.inventory.file.YamlNode.Scalar;
import org.bootproxy.inventory.file.YamlNode.Sequence;

/**
 * Lays a host's groups under its own keys. The groups a host names ({@code group: web} or
 * {@code groups: [rack-a, web]}) apply in order, each over the one before, each after the groups it includes;
 * the host's own keys come last, over all of them. The maps {@code os}, {@code subnet}, {@code params} and
 * {@code templates} are merged key by key (a host sets {@code os.minor} and keeps its group's {@code os.family});
 * any other value, lists included, is replaced whole. A key written with no value counts as not written.
 * Every value keeps the file and line it came from, so a problem with it names the group file too.
 */
final class GroupMerge {

    /** The keys whose maps are merged key by key rather than replaced. */
    private static final Set<String> MERGED = Set.of("os", "subnet", "params", "templates");
    /** Keys of a group file that are about the group, not settings of its hosts. */
    private static final Set<String> GROUP_ONLY = Set.of("group", "groups", "menu");
    /** Keys of a host file that name its groups. */
    private static final Set<String> REFERENCES = Set.of("group", "groups");

    private GroupMerge() {
    }

    /**
     * A group named by a {@code group:} or {@code groups:} key.
     *
     * @param error what is wrong with the reference itself (not a name, both keys given)
     */
    record Reference(String name, int line, Optional<String> error) {
    }

    /**
     * @param tree     the host's keys over its groups'
     * @param refs     the group files merged in, each with the host line naming it (for problems in them)
     * @param used     the groups applied, in order
     * @param problems groups that are missing or broken; when any, {@code tree} is the host's own
     */
    record Result(Mapping tree, Map<Path, YamlFields.GroupRef> refs, List<Groups.Group> used,
                  List<HostFileProblem> problems) {
    }

    /** The groups a host or group file names, in order. */
    static List<Reference> references(Mapping m) {
        Optional<YamlNode> one = YamlFields.get(m, "group");
        Optional<YamlNode> many = YamlFields.get(m, "groups");
        List<Reference> refs = new ArrayList<>();
        if (one.isPresent() && many.isPresent()) {
            refs.add(new Reference("", YamlFields.lineOf(m, "groups"), Optional.of("group and groups are both given:"
                    + " write one group as group: NAME or several as groups: [A, B]")));
            return refs;
        }
        String key = one.isPresent() ? "group" : "groups";
        Optional<YamlNode> value = one.or(() -> many);
        if (value.isEmpty()) {
            return refs;
        }
        int keyLine = YamlFields.lineOf(m, key);
        List<YamlNode> items = value.get() instanceof Sequence s ? s.items() : List.of(value.get());
        for (YamlNode item : items) {
            int line = item.line() > 0 ? item.line() : keyLine;
            if (!(item instanceof Scalar s) || !DiscoveredToken.NAME.matcher(s.text().trim()).matches()) {
                refs.add(new Reference("", line, Optional.of(key + ": expected a group name (the name of a file in the"
                        + " groups folder without .yaml), found " + (item instanceof Scalar s ? "'" + s.text() + "'"
                        : item.kindName()))));
            } else {
                refs.add(new Reference(s.text().trim(), line, Optional.empty()));
            }
        }
        return refs;
    }

    static Result apply(Path hostFile, Mapping host, Groups groups) {
        List<HostFileProblem> problems = new ArrayList<>();
        List<Groups.Group> used = new ArrayList<>();
        Map<Path, YamlFields.GroupRef> refs = new LinkedHashMap<>();
        for (Reference ref : references(host)) {
            if (ref.error().isPresent()) {
                problems.add(new HostFileProblem(hostFile, ref.line(), ref.error().get()));
                continue;
            }
            Optional<Groups.Group> g = groups.get(ref.name());
            if (g.isEmpty()) {
                problems.add(new HostFileProblem(hostFile, ref.line(), groups.dir().isEmpty()
                        ? "group '" + ref.name() + "': no groups folder is configured (config key groups, flag --groups)"
                        : Groups.missing(ref.name(), groups.names())));
            } else if (g.get().broken()) {
                HostFileProblem first = g.get().problems().get(0);
                int more = g.get().problems().size() - 1;
                problems.add(new HostFileProblem(hostFile, ref.line(), "group " + ref.name() + " is broken (" + first
                        + (more > 0 ? "; and " + more + " more" : "") + "), so this host is not made from it: fix the group"
                        + " (bootproxy lint lists its problems)"));
            } else {
                for (Groups.Group c : g.get().chain()) {
                    if (used.stream().noneMatch(u -> u.name().equals(c.name()))) {
                        used.add(c);
                        refs.put(c.file(), new YamlFields.GroupRef(c.name(), ref.line()));
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return new Result(host, Map.of(), List.of(), problems);
        }
        Mapping merged = new Mapping(Map.of(), host.line(), host.file());
        for (Groups.Group g : used) {
            merged = over(merged, without(g.tree().orElseThrow(), GROUP_ONLY), true);
        }
        merged = over(merged, without(host, REFERENCES), true);
        return new Result(merged, refs, used, List.of());
    }

    /** {@code top}'s entries over {@code base}'s; at the top level the {@link #MERGED} maps merge key by key. */
    static Mapping over(Mapping base, Mapping top, boolean topLevel) {
        Map<String, Entry> entries = new LinkedHashMap<>(base.entries());
        for (Entry e : top.entries().values()) {
            if (e.value() instanceof Scalar s && s.isNull()) {
                continue; // "key:" with no value is not written: the group's value stays
            }
            Entry before = entries.get(e.key());
            if (topLevel && MERGED.contains(e.key()) && before != null && before.value() instanceof Mapping b
                    && e.value() instanceof Mapping t) {
                Mapping inner = e.key().equals("templates") ? templates(b, t) : over(b, t, false);
                entries.put(e.key(), new Entry(e.key(), e.line(), inner, e.file()));
            } else {
                entries.put(e.key(), e);
            }
        }
        return new Mapping(entries, top.line(), top.file());
    }

    /** Template kinds are named in any case ({@code iPXE}, {@code ipxe}, {@code gPXE}): one kind replaces its other spellings. */
    private static Mapping templates(Mapping base, Mapping top) {
        Map<String, Entry> entries = new LinkedHashMap<>(base.entries());
        for (Entry e : top.entries().values()) {
            Optional<TemplateKind> kind = TemplateKind.fromName(e.key());
            kind.ifPresent(k -> entries.keySet().removeIf(key -> TemplateKind.fromName(key).equals(Optional.of(k))));
            entries.put(e.key(), e);
        }
        return new Mapping(entries, top.line(), top.file());
    }

    private static Mapping without(Mapping m, Set<String> keys) {
        Map<String, Entry> entries = new LinkedHashMap<>(m.entries());
        entries.keySet().removeAll(keys);
        return new Mapping(entries, m.line(), m.file());
    }
}
