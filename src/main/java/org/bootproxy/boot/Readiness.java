package org.bootproxy.boot;

import java.util.List;
import java.util.Objects;

/**
 * Whether bootproxy can answer machines as it should right now ({@code GET /readyz}, the dashboard): one check per
 * part (templates, inventory, TFTP), each with what the operator should know. {@code /healthz} stays a liveness probe.
 */
public record Readiness(List<Check> checks) {

    /**
     * @param name   templates, inventory, tftp, …
     * @param ok     false when this part keeps machines from booting as they should
     * @param detail one line: the state, and on failure what failed and how to fix it
     */
    public record Check(String name, boolean ok, String detail) {
        public Check {
            Objects.requireNonNull(name, "name");
            detail = detail == null ? "" : detail;
        }
    }

    public Readiness {
        checks = List.copyOf(checks);
    }

    public boolean ready() {
        return checks.stream().allMatch(Check::ok);
    }
}
