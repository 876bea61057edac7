package org.bootproxy.ui;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.Readiness;

/**
 * Where the dashboard reads what it shows; the composition root wires each to its owner.
 *
 * @param hosts     every host the inventory lists (host files list all; Foreman and a CMDB none)
 * @param recorded  the build result recorded for a host, if any
 * @param timeline  the boot timeline of one MAC (colon form), oldest first
 * @param latest    every MAC with a timeline and its latest event, most recent first
 * @param machines  the discovered machines
 * @param readiness what /readyz says
 * @param lookups   inventory lookups so far by source (fresh, cached, stale, miss, error)
 */
public record DashboardSources(Supplier<List<Host>> hosts, Function<Host, Optional<BuildState>> recorded,
                               Function<String, List<BootEvent>> timeline, Supplier<List<BootEvent>> latest,
                               Supplier<List<DiscoveredMachine>> machines, Supplier<Readiness> readiness,
                               Supplier<Map<String, Long>> lookups) {
}
