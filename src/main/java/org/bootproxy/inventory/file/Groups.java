package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bootproxy.boot.DiscoveredToken;
import org.bootproxy.boot.MenuEntry;
import org.bootproxy.inventory.file.YamlNode.Mapping;

/**
 * The host groups of a site at one moment: each {@code <name>.yaml} of the groups folder, checked on its own
 * (keys, values) and with the groups it includes ({@code group:}/{@code groups:} in a group file: they exist, are
 * fine and include no circle). A group with any problem is broken: hosts naming it are not made from it. Immutable.
 *
 * <p>Groups may include groups: a group's includes are applied before it, so it overrides them, and a group
 * reached twice (two includes sharing a base) is applied once, where it is first reached.
 */
final class Groups {

    /** No groups folder, or an empty one. */
    static final Groups NONE = new Groups(null, Map.of(), 0);

    /**
     * One group.
     *
     * @param tree     its keys; empty when the file does not parse
     * @param problems what is wrong with it (its own keys, an include that is missing, broken or circular)
     * @param chain    the groups it stands for in the order they apply: its includes (theirs first), then itself
     */
    record Group(String name, Path file, String sha, Optional<Mapping> tree, List<HostFileProblem> problems,
                 List<Group> chain, String menu) {
        boolean broken() {
            return !problems.isEmpty();
        }
    }

    private final Path dir;
    private final Map<String, Group> byName;
    private final long version;
    private final List<HostFileProblem> folderProblems;

    private Groups(Path dir, Map<String, Group> byName, long version) {
        this(dir, byName, version, List.of());
    }

    private Groups(Path dir, Map<String, Group> byName, long version, List<HostFileProblem> folderProblems) {
        this.dir = dir;
        this.byName = Map.copyOf(byName);
        this.version = version;
        this.folderProblems = List.copyOf(folderProblems);
    }

    /** The same groups, and the folder cannot be listed right now. */
    Groups withProblem(HostFileProblem listing) {
        return new Groups(dir, byName, version, List.of(listing));
    }

    /** @param version changes whenever anything in the folder changed: whoever merged hosts with these merges again */
    static Groups of(Path dir, List<YamlFolder.YamlFile> files, HostFileParser parser, long version) {
        Map<String, Group> own = new LinkedHashMap<>();
        for (YamlFolder.YamlFile f : files) {
            String name = f.baseName();
            List<HostFileProblem> problems = new ArrayList<>(f.problems());
            if (!DiscoveredToken.NAME.matcher(name).matches()) {
                problems.add(new HostFileProblem(f.path(), 0, "'" + name + "' is not a group name: name group files"
                        + " with letters, digits, '.', '_' and '-' (hosts name the group after its file)"));
            }
            if (own.containsKey(name)) {
                problems.add(new HostFileProblem(f.path(), 0, "group " + name + " is also defined by "
                        + own.get(name).file() + ": keep one of the two files"));
            }
            f.tree().ifPresent(t -> problems.addAll(parser.checkGroup(f.path(), t)));
            Optional<Mapping> tree = f.tree().filter(Mapping.class::isInstance).map(Mapping.class::cast);
            String menu = tree.flatMap(t -> YamlFields.get(t, "menu")).filter(YamlNode.Scalar.class::isInstance)
                    .map(v -> ((YamlNode.Scalar) v).text().trim()).orElse("");
            own.putIfAbsent(name, new Group(name, f.path(), f.sha(), tree, problems, List.of(), menu));
        }
        Map<String, Group> resolved = new LinkedHashMap<>();
        for (String name : own.keySet()) {
            resolve(name, own, resolved, new ArrayList<>());
        }
        return new Groups(dir, resolved, version);
    }

    /** Resolves a group's chain once; a circle or a bad include makes every group on the way broken. */
    private static Group resolve(String name, Map<String, Group> own, Map<String, Group> done, List<Group> stack) {
        Group known = done.get(name);
        if (known != null) {
            return known;
        }
        Group g = own.get(name);
        List<HostFileProblem> problems = new ArrayList<>(g.problems());
        List<Group> chain = new ArrayList<>();
        stack.add(g);
        for (GroupMerge.Reference ref : g.tree().map(GroupMerge::references).orElse(List.of())) {
            Optional<String> error = ref.error();
            if (error.isPresent()) {
                problems.add(new HostFileProblem(g.file(), ref.line(), error.get()));
                continue;
            }
            Optional<Group> onStack = stack.stream().filter(s -> s.name().equals(ref.name())).findFirst();
            if (onStack.isPresent()) {
                problems.add(new HostFileProblem(g.file(), ref.line(), "groups include each other in a circle: "
                        + circle(stack, onStack.get(), ref.name()) + ": remove one of these includes"));
                continue;
            }
            Group included = own.get(ref.name());
            if (included == null) {
                problems.add(new HostFileProblem(g.file(), ref.line(), missing(ref.name(), own.keySet())));
                continue;
            }
            Group r = resolve(ref.name(), own, done, stack);
            if (r.broken()) {
                problems.add(new HostFileProblem(g.file(), ref.line(), "includes group " + r.name() + ", which is broken ("
                        + r.problems().get(0) + ")"));
                continue;
            }
            r.chain().stream().filter(c -> chain.stream().noneMatch(x -> x.name().equals(c.name()))).forEach(chain::add);
        }
        stack.remove(stack.size() - 1);
        Group self = new Group(g.name(), g.file(), g.sha(), g.tree(), problems, List.of(), g.menu());
        chain.add(self);
        Group resolved = new Group(g.name(), g.file(), g.sha(), g.tree(), problems, List.copyOf(chain), g.menu());
        done.put(name, resolved);
        return resolved;
    }

    private static String circle(List<Group> stack, Group start, String back) {
        List<Group> loop = stack.subList(stack.indexOf(start), stack.size());
        return loop.stream().map(x -> x.name() + " (" + x.file() + ")").collect(Collectors.joining(" → ")) + " → " + back;
    }

    /** "group 'rack-z' does not exist: …", naming the folder, a likely typo and the groups there are. */
    static String missing(String name, java.util.Collection<String> known) {
        return "group '" + name + "' does not exist: there is no " + name + ".yaml in the groups folder"
                + org.bootproxy.support.DidYouMean.closest(name, List.copyOf(known), 2).map(s -> " (did you mean '" + s + "'?)").orElse("")
                + (known.isEmpty() ? "" : "; groups: " + known.stream().sorted().collect(Collectors.joining(", ")));
    }

    Optional<Group> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    java.util.Set<String> names() {
        return byName.keySet();
    }

    long version() {
        return version;
    }

    Optional<Path> dir() {
        return Optional.ofNullable(dir);
    }

    /** Every group file's problems, by file and line. */
    List<HostFileProblem> problems() {
        return java.util.stream.Stream.concat(folderProblems.stream(), byName.values().stream().flatMap(g -> g.problems().stream()))
                .sorted(Comparator.comparing((HostFileProblem p) -> p.file().toString()).thenComparingInt(HostFileProblem::line))
                .toList();
    }

    /** The groups with a {@code menu:} title that are not broken, by title. */
    List<MenuEntry> menu() {
        return byName.values().stream().filter(g -> !g.menu().isEmpty() && !g.broken())
                .map(g -> new MenuEntry(g.name(), g.menu()))
                .sorted(Comparator.comparing(MenuEntry::title, String.CASE_INSENSITIVE_ORDER).thenComparing(MenuEntry::group))
                .toList();
    }
}
