package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ForkJoinTask;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;

/**
 * The hosts served at one moment, indexed for lookups. Immutable, so lookups from any thread read it
 * while the next one is built.
 *
 * <p>A value that must point at one host (name, MAC, IP, token) but appears in several files is a clash:
 * nobody can tell which file is right, and answering with the wrong host could reinstall the wrong machine.
 * So a clashing MAC, IP or token finds no host until only one file has it, and hosts that share a name are
 * not served at all. Each file in a clash gets a problem naming the others.
 */
final class HostIndex {
    private final Map<MacAddress, ParsedHost> byMac;
    private final Map<String, ParsedHost> byIp;
    private final Map<String, ParsedHost> byToken;
    private final List<Host> hosts;
    private final List<HostFileProblem> clashes;

    /**
     * The maps are this index's own (made by {@link #of}, never changed after): wrapped, not copied again. They map to
     * the hosts as read ({@link ParsedHost}, kept for their files anyway), so no second map of hosts is built: at
     * 50,000 host files each copy was 100,000 entries made while every core is busy reading.
     */
    private HostIndex(Map<MacAddress, ParsedHost> byMac, Map<String, ParsedHost> byIp, Map<String, ParsedHost> byToken,
                      List<Host> hosts, List<HostFileProblem> clashes) {
        this.byMac = Collections.unmodifiableMap(byMac);
        this.byIp = Collections.unmodifiableMap(byIp);
        this.byToken = Collections.unmodifiableMap(byToken);
        this.hosts = List.copyOf(hosts);
        this.clashes = List.copyOf(clashes);
    }

    /** From this many hosts the maps are built on every core (start-up at 50,000 host files). */
    static final int PARALLEL_FROM = 1024;

    /** Indexes the hosts read from the files, given in file order. */
    static HostIndex of(List<ParsedHost> parsed) {
        return parsed.size() >= PARALLEL_FROM ? inParallel(parsed) : inTurn(parsed);
    }

    /** One map after the other, on the calling thread. */
    static HostIndex inTurn(List<ParsedHost> parsed) {
        List<HostFileProblem> clashes = new ArrayList<>();
        Map<String, ParsedHost> byName = byName(parsed, clashes);
        List<ParsedHost> served = parsed.stream().filter(p -> byName.containsKey(p.host().name())).toList();
        Map<MacAddress, ParsedHost> byMac = byMac(served, clashes);
        Map<String, ParsedHost> byIp = byIp(served, clashes);
        Map<String, ParsedHost> byToken = byToken(served, clashes);
        return of(byMac, byIp, byToken, sortedHosts(served), clashes);
    }

    /**
     * The same index as {@link #inTurn}, its maps built at once on the common pool: the name map, and the MAC, IP and
     * token maps and the sorted hosts over every host read, which are the ones served unless two files share a name
     * (then those three are built again from the hosts served, as {@link #inTurn} does). Each map is still made once and
     * by one thread; only different maps are made side by side (at 50,000 host files the index took 0.4 s on one core).
     */
    static HostIndex inParallel(List<ParsedHost> parsed) {
        List<HostFileProblem> nameClashes = new ArrayList<>();
        List<HostFileProblem> macClashes = new ArrayList<>();
        List<HostFileProblem> ipClashes = new ArrayList<>();
        List<HostFileProblem> tokenClashes = new ArrayList<>();
        ForkJoinTask<Map<String, ParsedHost>> byName = ForkJoinTask.adapt(() -> byName(parsed, nameClashes));
        ForkJoinTask<Map<MacAddress, ParsedHost>> byMac = ForkJoinTask.adapt(() -> byMac(parsed, macClashes));
        ForkJoinTask<Map<String, ParsedHost>> byIp = ForkJoinTask.adapt(() -> byIp(parsed, ipClashes));
        ForkJoinTask<Map<String, ParsedHost>> byToken = ForkJoinTask.adapt(() -> byToken(parsed, tokenClashes));
        ForkJoinTask<List<Host>> hosts = ForkJoinTask.adapt(() -> sortedHosts(parsed));
        // the calling thread makes the first and helps with the others; each list of clashes has one writer
        ForkJoinTask.invokeAll(byName, byMac, byIp, byToken, hosts);
        if (!nameClashes.isEmpty()) {
            // rare: hosts that share a name are not served and claim no MAC, IP or token, so the maps over all hosts
            // are dropped and the index made again as inTurn makes it
            return inTurn(parsed);
        }
        List<HostFileProblem> clashes = new ArrayList<>(macClashes);
        clashes.addAll(ipClashes);
        clashes.addAll(tokenClashes);
        return of(byMac.join(), byIp.join(), byToken.join(), hosts.join(), clashes);
    }

    private static HostIndex of(Map<MacAddress, ParsedHost> byMac, Map<String, ParsedHost> byIp,
                                Map<String, ParsedHost> byToken, List<Host> hosts, List<HostFileProblem> clashes) {
        clashes.sort(Comparator.comparing((HostFileProblem p) -> p.file().toString()).thenComparingInt(HostFileProblem::line));
        return new HostIndex(byMac, byIp, byToken, hosts, clashes);
    }

    private static Map<String, ParsedHost> byName(List<ParsedHost> parsed, List<HostFileProblem> clashes) {
        return unique(parsed, p -> Map.of(p.host().name(), p.nameLine()), Function.identity(),
                "name", "no host is served from these files until the names differ", clashes);
    }

    private static Map<MacAddress, ParsedHost> byMac(List<ParsedHost> served, List<HostFileProblem> clashes) {
        return unique(served, ParsedHost::macLines, MacAddress::colons,
                "MAC", "no host is found by this MAC until only one file has it", clashes);
    }

    private static Map<String, ParsedHost> byIp(List<ParsedHost> served, List<HostFileProblem> clashes) {
        return unique(served, ParsedHost::ipLines, Function.identity(),
                "IP", "no host is found by this IP until only one file has it", clashes);
    }

    private static Map<String, ParsedHost> byToken(List<ParsedHost> served, List<HostFileProblem> clashes) {
        return unique(served, p -> p.host().token().isEmpty() ? Map.of() : Map.of(p.host().token(), p.tokenLine()),
                token -> "", "token", "no host is found by this token until only one file has it", clashes);
    }

    private static List<Host> sortedHosts(List<ParsedHost> served) {
        return served.stream().map(ParsedHost::host).sorted(Comparator.comparing(Host::name)).toList();
    }

    /**
     * Maps each key to its host when only one file has it; records a clash for every file of a key that
     * several files have.
     */
    private static <K> Map<K, ParsedHost> unique(List<ParsedHost> parsed, Function<ParsedHost, Map<K, Integer>> keysWithLines,
                                           Function<K, String> shown, String what, String consequence,
                                           List<HostFileProblem> clashes) {
        // the first file to claim each key; a second file makes it a clash (rare: a map only for those). Sized for a
        // key a host, so that 50,000 hosts are not rehashed a dozen times on the way (once more for two NICs each)
        Map<K, ParsedHost> first = new HashMap<>(capacity(parsed.size()));
        Map<K, Map<Path, ParsedHost>> clashing = new LinkedHashMap<>();
        for (ParsedHost p : parsed) {
            for (K key : keysWithLines.apply(p).keySet()) {
                ParsedHost earlier = first.putIfAbsent(key, p);
                if (earlier != null && !earlier.file().equals(p.file())) {
                    clashing.computeIfAbsent(key, k -> {
                        Map<Path, ParsedHost> files = new LinkedHashMap<>();
                        files.put(earlier.file(), earlier);
                        return files;
                    }).put(p.file(), p);
                }
            }
        }
        clashing.keySet().forEach(first::remove);
        clashing.forEach((key, files) -> files.forEach((file, p) -> {
            String others = new TreeSet<>(files.keySet()).stream().filter(f -> !f.equals(file))
                    .map(Path::toString).collect(Collectors.joining(", "));
            String value = shown.apply(key);
            clashes.add(new HostFileProblem(file, keysWithLines.apply(p).get(key),
                    what + (value.isEmpty() ? "" : " " + value) + " is also in " + others + ": " + consequence));
        }));
        return first;
    }

    /** A HashMap capacity that holds {@code entries} without growing. */
    private static int capacity(int entries) {
        return (int) Math.min(1 << 30, entries / 0.75 + 1);
    }

    Optional<Host> byMac(MacAddress mac) {
        return Optional.ofNullable(byMac.get(mac)).map(ParsedHost::host);
    }

    Optional<Host> byIp(String ip) {
        return Optional.ofNullable(byIp.get(ip)).map(ParsedHost::host);
    }

    Optional<Host> byToken(String token) {
        return Optional.ofNullable(byToken.get(token)).map(ParsedHost::host);
    }

    /** The hosts served, by name. */
    List<Host> hosts() {
        return hosts;
    }

    /** Values that several files claim, one problem per file and value. */
    List<HostFileProblem> clashes() {
        return clashes;
    }
}
