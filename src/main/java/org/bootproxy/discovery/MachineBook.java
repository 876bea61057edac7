package org.bootproxy.discovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.MachineReport;

/**
 * The machines in memory and the rules that turn sightings into records: one record per machine, found again by a
 * usable serial number or by any MAC in common (then records the sighting joins are merged into the oldest), facts
 * kept from the last sighting that reported them. Pure: {@link #plan} says what a sighting changes, {@link #commit}
 * applies it once it is on disk. Not thread-safe; {@link JournalRegistry} holds its lock.
 */
final class MachineBook {
    /** Sightings further apart than this are separate boots even when the first one left a run open. */
    static final Duration BOOT_GAP = Duration.ofMinutes(5);

    /** Serial numbers firmware vendors leave in place of a real one: never used to tell machines apart. */
    private static final Set<String> PLACEHOLDER_SERIALS = Set.of("", "0", "none", "n/a", "na", "null", "unknown",
            "not specified", "not available", "not applicable", "to be filled by o.e.m.", "to be filled by oem",
            "default string", "system serial number", "chassis serial number", "serial number", "0123456789",
            "1234567890", "empty", "invalid", "oem", "o.e.m.");

    /**
     * A record and whether the machine's current run of the intermediate script is still open (its NIC reports came,
     * its unknown-machine report not yet): the next sighting then belongs to the same boot.
     */
    record Entry(DiscoveredMachine machine, boolean bootOpen) {
    }

    /**
     * What one sighting changes.
     *
     * @param entry      the machine's record after it
     * @param created    true when no record matched
     * @param mergedAway records the sighting showed to be the same machine, folded into {@code entry}
     */
    record Change(Entry entry, boolean created, List<String> mergedAway) {
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<MacAddress, String> idByMac = new HashMap<>();

    Optional<Entry> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The record with this id, or holding this MAC. */
    Optional<Entry> find(String idOrMac) {
        Entry e = byId.get(idOrMac.trim().toLowerCase(Locale.ROOT));
        if (e != null) {
            return Optional.of(e);
        }
        return MacAddress.tryParse(idOrMac).map(idByMac::get).map(byId::get);
    }

    int size() {
        return byId.size();
    }

    /** Most recently seen first. */
    List<DiscoveredMachine> all() {
        return byId.values().stream().map(Entry::machine)
                .sorted(Comparator.comparing(DiscoveredMachine::lastSeen).reversed().thenComparing(DiscoveredMachine::id))
                .toList();
    }

    List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    /** The least recently seen record, to make room. */
    Optional<Entry> oldest() {
        return byId.values().stream().min(Comparator.comparing((Entry e) -> e.machine().lastSeen()));
    }

    Change plan(MachineReport r) {
        List<Entry> matches = matching(r);
        if (matches.isEmpty()) {
            MachineFacts f = r.facts();
            DiscoveredMachine m = new DiscoveredMachine(r.macs().get(0).bare(), r.macs(), bootif(r, ""), f.serial(),
                    f.manufacturer(), f.product(), f.uuid(), f.arch(), f.platform(), r.clientIp(), r.at(), r.at(), 1,
                    r.host(), r.kind() == MachineReport.Kind.UNKNOWN_ANSWER, Map.of());
            return new Change(new Entry(m, r.kind() == MachineReport.Kind.NIC), true, List.of());
        }
        matches.sort(Comparator.comparing((Entry e) -> e.machine().firstSeen()).thenComparing(e -> e.machine().id()));
        Entry keep = matches.get(0);
        DiscoveredMachine old = keep.machine();
        List<MacAddress> macs = new ArrayList<>(old.macs());
        Map<String, Instant> announced = new TreeMap<>(old.announced());
        List<String> merged = new ArrayList<>();
        boolean unknownAnswer = old.unknownAnswer();
        int boots = old.boots();
        for (Entry other : matches.subList(1, matches.size())) {
            DiscoveredMachine o = other.machine();
            merged.add(o.id());
            o.macs().stream().filter(m -> !macs.contains(m)).forEach(macs::add);
            o.announced().forEach(announced::putIfAbsent);
            unknownAnswer |= o.unknownAnswer();
            boots = Math.max(boots, o.boots());
        }
        r.macs().stream().filter(m -> !macs.contains(m)).forEach(macs::add);
        boolean sameBoot = keep.bootOpen() && !r.at().isAfter(old.lastSeen().plus(BOOT_GAP));
        MachineFacts f = r.facts();
        // an unknown NIC says nothing about the machine's other NICs; the unknown-machine answer says none is known
        String host = switch (r.kind()) {
            case UNKNOWN_ANSWER -> "";
            case NIC -> r.host().isEmpty() ? old.host() : r.host();
        };
        DiscoveredMachine m = new DiscoveredMachine(old.id(), macs, bootif(r, old.bootif()), or(f.serial(), old.serial()),
                or(f.manufacturer(), old.manufacturer()), or(f.product(), old.product()), or(f.uuid(), old.uuid()),
                or(f.arch(), old.arch()), or(f.platform(), old.platform()), r.clientIp(), old.firstSeen(),
                r.at().isAfter(old.lastSeen()) ? r.at() : old.lastSeen(), sameBoot ? boots : boots + 1, host,
                unknownAnswer || r.kind() == MachineReport.Kind.UNKNOWN_ANSWER, announced);
        return new Change(new Entry(m, r.kind() == MachineReport.Kind.NIC), false, merged);
    }

    /** Applies a planned (or replayed) change. */
    void commit(Change c) {
        c.mergedAway().forEach(this::remove);
        put(c.entry());
    }

    void put(Entry e) {
        Entry before = byId.put(e.machine().id(), e);
        if (before != null) {
            before.machine().macs().forEach(m -> idByMac.remove(m, before.machine().id()));
        }
        e.machine().macs().forEach(m -> idByMac.put(m, e.machine().id()));
    }

    Optional<Entry> remove(String id) {
        Entry e = byId.remove(id);
        if (e != null) {
            e.machine().macs().forEach(m -> idByMac.remove(m, id));
        }
        return Optional.ofNullable(e);
    }

    private List<Entry> matching(MachineReport r) {
        Map<String, Entry> found = new LinkedHashMap<>();
        for (MacAddress mac : r.macs()) {
            String id = idByMac.get(mac);
            if (id != null) {
                found.putIfAbsent(id, byId.get(id));
            }
        }
        if (usableSerial(r.facts().serial())) {
            for (Entry e : byId.values()) {
                if (e.machine().serial().equals(r.facts().serial())) {
                    found.putIfAbsent(e.machine().id(), e);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    /** A serial that identifies a machine: not empty, not a vendor placeholder, not one character repeated. */
    static boolean usableSerial(String serial) {
        String s = serial.trim().toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_SERIALS.contains(s)) {
            return false;
        }
        return s.chars().distinct().count() > 1;
    }

    /** The boot interface: the one the machine named, else the NIC this report is for, else what was known. */
    private static String bootif(MachineReport r, String known) {
        if (r.facts().bootif().isPresent()) {
            return r.facts().bootif().get().colons();
        }
        if (r.kind() == MachineReport.Kind.NIC) {
            return r.macs().get(0).colons();
        }
        return known.isEmpty() ? r.macs().get(0).colons() : known;
    }

    private static String or(String reported, String known) {
        return reported.isEmpty() ? known : reported;
    }
}
