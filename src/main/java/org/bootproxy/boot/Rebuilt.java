package org.bootproxy.boot;

import java.util.Optional;

/**
 * What {@link BootService#rebuild} did.
 *
 * @param host    the host's name
 * @param cleared the result that was recorded and is now forgotten; empty when none was recorded
 * @param defined the host as the inventory defines it, when the inventory could tell (host files list every host;
 *                Foreman and a CMDB only answer by MAC)
 */
public record Rebuilt(String host, Optional<BuildState> cleared, Optional<Host> defined) {

    /** One line for the operator: what was cleared and whether the host will install on its next boot. */
    public String describe() {
        String what = cleared.map(s -> "cleared the '" + s.status().name().toLowerCase(java.util.Locale.ROOT)
                + "' result recorded at " + s.at()).orElse("no build result was recorded");
        String next = defined.map(h -> h.build() ? "it installs on its next network boot"
                        : "but the inventory says build: false, so it still boots from disk: set build: true")
                .orElse("it installs on its next network boot if the inventory has it in build");
        return host + ": " + what + "; " + next;
    }
}
