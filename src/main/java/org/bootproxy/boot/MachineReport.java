package org.bootproxy.boot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One sighting of a machine, as {@link BootService} hands it to the {@link MachineRegistry}: the intermediate script
 * asked for one of its NICs ({@link Kind#NIC}), or it ran out of NICs and got the unknown-machine answer
 * ({@link Kind#UNKNOWN_ANSWER}).
 *
 * @param at       when
 * @param clientIp the address the request came from
 * @param macs     every MAC of the machine this request names (the NIC asked for, then those the machine listed)
 * @param facts    what the machine said about itself
 * @param kind     which request it was
 * @param host     the inventory host one of its MACs belongs to, "" when none
 */
public record MachineReport(Instant at, String clientIp, List<MacAddress> macs, MachineFacts facts, Kind kind, String host) {

    public enum Kind {
        /** the intermediate script's chain for one NIC ({@code ?mac=…&serial=…}) */
        NIC,
        /** the intermediate script found no known NIC ({@code ?unknown=1&macs=…}) */
        UNKNOWN_ANSWER
    }

    public MachineReport {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        clientIp = clientIp == null ? "" : clientIp;
        facts = Objects.requireNonNullElse(facts, MachineFacts.NONE);
        List<MacAddress> all = new ArrayList<>();
        for (MacAddress m : macs == null ? List.<MacAddress>of() : macs) {
            if (!all.contains(m)) {
                all.add(m);
            }
        }
        for (MacAddress m : facts.macs()) {
            if (!all.contains(m)) {
                all.add(m);
            }
        }
        macs = List.copyOf(all);
        host = host == null ? "" : host;
        if (macs.isEmpty()) {
            throw new IllegalArgumentException("a machine report needs at least one MAC");
        }
    }
}
