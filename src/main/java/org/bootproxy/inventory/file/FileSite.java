package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MenuEntry;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.Profile;
import org.bootproxy.boot.Profiles;
import org.bootproxy.boot.SiteDefinitions;
import org.bootproxy.inventory.file.YamlNode.Entry;
import org.bootproxy.inventory.file.YamlNode.Mapping;
import org.bootproxy.inventory.file.YamlNode.Scalar;
import org.bootproxy.inventory.file.YamlNode.Sequence;
import org.bootproxy.support.Sha256;

/**
 * The file layout's answer for machines in no inventory: the profiles in the profiles folder, the host groups
 * the OS menu lists, and hosts made from a group for a machine that installs. Profile files are read again when
 * they change (at most once per interval), like host files; a broken profile file is left out, with a problem.
 * Thread-safe.
 */
public final class FileSite implements SiteDefinitions {

    private final GroupFolder groups;
    private final Optional<YamlFolder> folder;
    private final HostFileParser hosts = new HostFileParser();
    private final ProfileParser parser = new ProfileParser();
    private final IntervalReload rescans;
    private volatile Snapshot snapshot = new Snapshot(new Profiles(List.of()), List.of());

    private record Snapshot(Profiles profiles, List<HostFileProblem> problems) {
    }

    /**
     * @param profilesDir the profiles folder; it need not exist (then there are no profiles)
     */
    public FileSite(GroupFolder groups, Optional<Path> profilesDir, Clock clock, Duration rescanEvery, long maxFileBytes) {
        this.groups = Objects.requireNonNull(groups, "groups");
        this.folder = profilesDir.map(d -> new YamlFolder(d, YamlFolder.PROFILES, Objects.requireNonNull(clock, "clock"),
                maxFileBytes, true));
        this.rescans = new IntervalReload(clock, rescanEvery, this::reload);
        rescan();
    }

    @Override
    public Profiles profiles() {
        return current().profiles();
    }

    @Override
    public List<MenuEntry> menu() {
        return groups.current().menu();
    }

    @Override
    public Optional<Host> hostFromGroup(String group, String name, List<Nic> nics, String token, Map<String, String> params) {
        try {
            return Optional.of(make(groups.current(), group, name, nics, token, params));
        } catch (HostFileInvalid e) {
            return Optional.empty();
        }
    }

    /**
     * Every problem of the group and profile files, and each profile whose {@code install:} group cannot make a host
     * (tried for a sample MAC), with file and line.
     */
    @Override
    public List<String> problems() {
        Snapshot s = current();
        Groups g = groups.current();
        List<String> out = new ArrayList<>();
        g.problems().forEach(p -> out.add(p.toString()));
        s.problems().forEach(p -> out.add(p.toString()));
        for (Profile p : s.profiles().all()) {
            if (p.install().isEmpty()) {
                continue;
            }
            try {
                make(g, p.install(), "profile-check", List.of(new Nic(MacAddress.parse("02:00:00:00:00:01"), "", "", true)),
                        "", p.params());
            } catch (HostFileInvalid e) {
                out.add(p.source() + ": install: group " + p.install() + " cannot make a host: "
                        + e.problems().stream().map(HostFileProblem::toString).reduce((a, b) -> a + "; " + b).orElse(""));
            }
        }
        return out;
    }

    /** Looks at the profiles folder (and the groups) now, whatever the interval. */
    public void rescan() {
        groups.rescan();
        rescans.now();
    }

    private Snapshot current() {
        rescans.whenDue();
        return snapshot;
    }

    private void reload() {
        if (folder.isPresent() && folder.get().rescan()) {
            List<Profile> profiles = new ArrayList<>();
            List<HostFileProblem> problems = new ArrayList<>();
            folder.get().listingProblem().ifPresent(problems::add);
            for (YamlFolder.YamlFile f : folder.get().files()) {
                ProfileParser.Parsed parsed = parser.parse(f);
                parsed.profile().ifPresent(profiles::add);
                problems.addAll(parsed.problems());
            }
            problems.sort(java.util.Comparator.comparing((HostFileProblem p) -> p.file().toString())
                    .thenComparingInt(HostFileProblem::line));
            snapshot = new Snapshot(new Profiles(profiles), problems);
        }
    }

    /** A host file written for the machine, naming the group, parsed as any host file is. */
    private Host make(Groups g, String group, String name, List<Nic> nics, String token, Map<String, String> params)
            throws HostFileInvalid {
        Path file = g.get(group).map(Groups.Group::file).orElse(Path.of(group + ".yaml"));
        Map<String, Entry> top = new LinkedHashMap<>();
        put(top, "name", text(name, file), file);
        put(top, "build", new Scalar("true", Scalar.Type.BOOLEAN, 0, file), file);
        if (!token.isEmpty()) {
            put(top, "token", text(token, file), file);
        }
        List<YamlNode> interfaces = new ArrayList<>();
        for (Nic n : nics) {
            Map<String, Entry> nic = new LinkedHashMap<>();
            put(nic, "mac", text(n.mac().colons(), file), file);
            put(nic, "provision", new Scalar(String.valueOf(n.provision()), Scalar.Type.BOOLEAN, 0, file), file);
            interfaces.add(new Mapping(nic, 0, file));
        }
        put(top, "interfaces", new Sequence(interfaces, 0, file), file);
        put(top, "group", text(group, file), file);
        if (!params.isEmpty()) {
            Map<String, Entry> p = new LinkedHashMap<>();
            params.forEach((k, v) -> put(p, k, text(v, file), file));
            put(top, "params", new Mapping(p, 0, file), file);
        }
        String sha = Sha256.of((token + params).getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex();
        return hosts.host(file, new Mapping(top, 0, file), sha, g).host();
    }

    private static Scalar text(String value, Path file) {
        return new Scalar(value, Scalar.Type.TEXT, 0, file);
    }

    private static void put(Map<String, Entry> m, String key, YamlNode value, Path file) {
        m.put(key, new Entry(key, 0, value, file));
    }
}
