package org.bootproxy.boot;

import java.util.List;
import java.util.Optional;

/**
 * Port: the machines bootproxy has seen network-booting (discovery). {@link BootService} reports each sighting;
 * the registry merges sightings of the same machine (same serial, or a MAC in common) into one record and keeps it
 * across restarts.
 */
public interface MachineRegistry {

    /**
     * Records a sighting durably before returning: a client told its machine was recorded must find it after a crash.
     *
     * @return the machine's record after this sighting
     * @throws StateNotRecorded when it cannot be written
     */
    DiscoveredMachine report(MachineReport report);

    /** Every machine, most recently seen first. */
    List<DiscoveredMachine> all();

    /**
     * Forgets a machine (it is recorded again when it boots again).
     *
     * @param idOrMac its {@link DiscoveredMachine#id()} or any of its MACs
     * @return the record removed, empty when there was none
     * @throws StateNotRecorded when the removal cannot be written
     */
    Optional<DiscoveredMachine> remove(String idOrMac);

    /** Keeps nothing: for commands that render without serving ({@code render}, {@code lint}). */
    MachineRegistry NONE = new MachineRegistry() {
        @Override
        public DiscoveredMachine report(MachineReport r) {
            return new DiscoveredMachine(r.macs().get(0).bare(), r.macs(), "", r.facts().serial(), r.facts().manufacturer(),
                    r.facts().product(), r.facts().uuid(), r.facts().arch(), r.facts().platform(), r.clientIp(), r.at(),
                    r.at(), 1, r.host(), r.kind() == MachineReport.Kind.UNKNOWN_ANSWER, null);
        }

        @Override
        public List<DiscoveredMachine> all() {
            return List.of();
        }

        @Override
        public Optional<DiscoveredMachine> remove(String idOrMac) {
            return Optional.empty();
        }
    };
}
