package org.bootproxy.boot;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an installer's {@code built}/{@code failed} and an operator's {@code rebuild} change: the build record kept
 * on disk (it outlives a restart and an upstream that is down), then upstream. {@link BootService} asks this.
 */
final class BuildReports {
    private final BootService boot;
    private final HostInventory inventory;
    private final BuildRecords records;
    private final BootEvents events;
    private final Clock clock;

    BuildReports(BootService boot, HostInventory inventory, BuildRecords records, BootEvents events, Clock clock) {
        this.boot = boot;
        this.inventory = inventory;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /** See {@link BootService#built}. */
    BuildState built(BootRequest request) {
        return report(request, BuildState.Status.BUILT, "");
    }

    /** See {@link BootService#failed}. */
    BuildState failed(BootRequest request, String report) {
        return report(request, BuildState.Status.FAILED, truncate(report == null ? "" : report));
    }

    private BuildState report(BootRequest request, BuildState.Status status, String report) {
        Host defined = boot.identifyDefined(request, true);
        Host host = records.apply(defined);
        String stage = status == BuildState.Status.BUILT ? "built" : "failed";
        if (!host.build()) {
            boot.emit(request, stage, host.name(), "not-in-build", Map.of("host", host.name()));
            throw new NotInBuild(records.whyNotInBuild(defined, "its '" + stage + "' report changes nothing"));
        }
        BuildState state = new BuildState(host.name(), host.revision(), status, clock.instant(), report);
        records.store(state);
        String forwarded = "ok";
        try {
            if (UnknownMachines.isDiscovered(host)) {
                forwarded = "none (discovered machine)"; // upstream does not know the machine
            } else if (status == BuildState.Status.BUILT) {
                inventory.reportBuilt(host);
            } else {
                inventory.reportFailed(host, report);
            }
        } catch (UpstreamUnavailable e) {
            // recorded locally all the same: the host must not reinstall because upstream was down
            forwarded = "upstream-error: " + e.getMessage();
        }
        boot.emit(request, stage, host.name(), "recorded", Map.of("host", host.name(), "upstream", forwarded,
                "report_bytes", String.valueOf(report.length())));
        return state;
    }

    private static String truncate(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= BuildState.MAX_REPORT_BYTES) {
            return s;
        }
        return new String(b, 0, BuildState.MAX_REPORT_BYTES, StandardCharsets.UTF_8);
    }

    /** See {@link BootService#recordedBuild}. */
    Optional<BuildState> recordedBuild(Host host) {
        return records.recorded(host);
    }

    /** See {@link BootService#rebuild}. */
    Rebuilt rebuild(String hostOrMac) {
        String key = hostOrMac == null ? "" : hostOrMac.trim();
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new BadRequest("name a host or a MAC to rebuild, e.g. web01.example.com or 52:54:00:12:34:56");
        }
        Optional<MacAddress> mac = MacAddress.tryParse(key);
        if (mac.isPresent() && inventory.findByMac(mac.get()).isEmpty()) {
            return rebuild(DiscoveredToken.hostName(mac.get())); // a machine a profile or the OS menu installed
        }
        Optional<Host> defined = mac.isPresent()
                ? Optional.of(inventory.findByMac(mac.get()).orElseThrow(() -> new HostNotFound("no host has MAC " + mac.get())))
                : inventory.all().stream().filter(h -> h.name().equals(key)).findFirst();
        String name = defined.map(Host::name).orElse(key);
        Optional<BuildState> cleared = records.clear(name);
        if (cleared.isEmpty() && defined.isEmpty()) {
            throw new HostNotFound("no host named " + name + " has a recorded build result, and the inventory lists no"
                    + " host of that name (name it as in its host file or Foreman, or give one of its MACs)");
        }
        String hostMac = defined.map(h -> h.provisionInterface().mac().colons()).orElse("");
        events.record(new BootEvent(clock.instant(), hostMac, "", "rebuild", name,
                cleared.isPresent() ? "cleared" : "nothing-recorded",
                Map.of("host", name, "was", cleared.map(s -> s.status().name().toLowerCase(Locale.ROOT) + " at "
                        + s.at()).orElse(""))));
        return new Rebuilt(name, cleared, defined);
    }
}
