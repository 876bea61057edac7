package org.bootproxy.boot;

import java.util.Objects;
import java.util.Optional;

/**
 * What the recorded build results mean for a host: whether it is still in build, why not (for the answers that
 * refuse an installer file), and clearing a result so the host installs again.
 */
final class BuildRecords {
    /** The command an operator runs to install a host again; named in every "not in build" answer. */
    static final String REBUILD_COMMAND = "bootproxy rebuild ";

    private final BuildStateStore store;

    BuildRecords(BuildStateStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The host as it boots now: out of build when a result was recorded for this definition of it. */
    Host apply(Host host) {
        if (!host.build()) {
            return host;
        }
        return recorded(host).map(s -> host.withBuild(false)).orElse(host);
    }

    /**
     * The result recorded for this definition of the host, if any. A machine a profile or the OS menu installed
     * ({@code discovered-<mac>}) stays installed whatever its group became since: an edited group must not
     * reinstall a rack of machines nobody registered.
     */
    Optional<BuildState> recorded(Host host) {
        return store.get(host.name()).filter(s -> s.appliesTo(host)
                || UnknownMachines.isDiscovered(host) && s.status() == BuildState.Status.BUILT);
    }

    /**
     * Why {@code host} gets no {@code what}: the result recorded for it, with its time and the command that clears it,
     * or the inventory's {@code build: false}.
     *
     * @param host the host as the inventory defines it (before {@link #apply})
     */
    String whyNotInBuild(Host host, String what) {
        Optional<BuildState> s = host.build() ? recorded(host) : Optional.empty();
        if (s.isPresent()) {
            return "host " + host.name() + " is not in build mode: it was recorded as "
                    + s.get().status().name().toLowerCase(java.util.Locale.ROOT) + " at " + s.get().at()
                    + ", so it gets no " + what + "; to install it again run '" + REBUILD_COMMAND + host.name()
                    + "' (or POST /api/hosts/" + host.name() + "/rebuild)";
        }
        return "host " + host.name() + " is not in build mode (build: false in the inventory), so it gets no " + what
                + "; set build: true to install it again";
    }

    /** Records a build result durably. */
    void store(BuildState state) {
        store.put(state);
    }

    /** Forgets the host's recorded result. */
    Optional<BuildState> clear(String hostName) {
        return store.remove(hostName);
    }
}
