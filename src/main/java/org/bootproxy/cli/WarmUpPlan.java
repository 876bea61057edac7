package org.bootproxy.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.Host;

/** What {@code serve} asks itself before it says ready, so the first machine is not answered by a cold JVM. */
final class WarmUpPlan {
    /**
     * How long the warm-up at start may take at most, and how many rounds of {@link #paths} it asks. The first round
     * loads and links what the answers need (a cold JVM's first request costs 100-150 ms of that); the second asks
     * again what the first rendered, so answers from the answer cache are warm too. More rounds only fed the JIT:
     * 40 rounds in 450 ms kept the C2 compiler busy for about a second of CPU before ready, for a first lookup no
     * faster than after two (BENCHMARKS.md, issue 15, "Start-up critical path").
     */
    static final Duration BUDGET = Duration.ofMillis(450);
    static final int ROUNDS = 2;
    /** How many hosts' answers the warm-up renders. */
    static final int HOSTS = 8;

    private WarmUpPlan() {
    }

    /**
     * What the warm-up asks: the health check, the intermediate script, a path nobody serves, and when the inventory
     * lists its hosts (host files), the iPXE script and kickstart of a few hosts (each rendered once, then from the
     * answer cache: both ways are warm when the first machine asks) and an unknown MAC. Nothing that would ask Foreman
     * or a CMDB: the warm-up must cost nobody else anything.
     */
    static List<String> paths(Components c) {
        List<String> paths = new ArrayList<>(List.of("/healthz", "/unattended/iPXE?bootstrap=1", "/warm-up-not-found"));
        List<Host> hosts = c.inventory().all();
        hosts.stream().limit(HOSTS).forEach(h -> {
            String mac = h.provisionInterface().mac().colons();
            paths.add("/unattended/iPXE?mac=" + mac);
            paths.add("/unattended/provision?mac=" + mac);
        });
        if (!hosts.isEmpty()) {
            paths.add("/unattended/iPXE?mac=02:00:00:00:00:00");
        }
        return paths;
    }
}
