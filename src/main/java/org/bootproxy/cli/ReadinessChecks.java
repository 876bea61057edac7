package org.bootproxy.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.bootproxy.boot.Lint;
import org.bootproxy.boot.Readiness;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.metrics.TemplateHealth;
import org.bootproxy.smartproxy.Feature;
import org.bootproxy.smartproxy.ModuleStates;

/**
 * What {@code /readyz} and the dashboard report, from the parts that know it:
 * <ul>
 *   <li>templates: a template whose last render failed (until it renders again), and {@code lint} (every template for
 *       every listed host), run at most every {@link #LINT_EVERY}</li>
 *   <li>inventory: host files, or the upstream by its last call (down since when, and why)</li>
 *   <li>tftp: running, disabled, or failed to start</li>
 * </ul>
 */
final class ReadinessChecks implements Supplier<Readiness> {
    static final Duration LINT_EVERY = Duration.ofSeconds(30);

    private final BootproxyConfig config;
    private final Components components;
    private final Observability observability;
    private final ModuleStates states;
    private final Clock clock;
    private Lint.Report lint;
    private Instant linted = Instant.MIN;

    ReadinessChecks(BootproxyConfig config, Components components, Observability observability, ModuleStates states,
                    Clock clock) {
        this.config = config;
        this.components = components;
        this.observability = observability;
        this.states = states;
        this.clock = clock;
    }

    @Override
    public Readiness get() {
        return new Readiness(List.of(templates(), inventory(), tftp()));
    }

    /** The last lint report, run again when older than {@link #LINT_EVERY}. */
    synchronized Lint.Report lint() {
        Instant now = clock.instant();
        if (lint == null || Duration.between(linted, now).compareTo(LINT_EVERY) >= 0) {
            lint = LintCommand.lint(components);
            linted = now;
        }
        return lint;
    }

    private Readiness.Check templates() {
        Map<String, TemplateHealth.Failure> failing = observability.metrics().failingTemplates();
        Lint.Report report = lint();
        List<String> problems = new ArrayList<>();
        failing.forEach((t, f) -> problems.add(t + " failed at " + f.at() + (f.mac().isEmpty() ? "" : " for " + f.mac())
                + (f.host().isEmpty() ? "" : " (" + f.host() + ")") + ": " + f.reason()));
        if (!report.ok()) {
            problems.add("lint: " + report.failures().size() + " failure(s), first: " + report.failures().get(0)
                    + " (run 'bootproxy lint' for all)");
        }
        if (problems.isEmpty()) {
            return new Readiness.Check("templates", true, report.templates() + " templates in " + config.templates()
                    + ", lint ok for " + report.hosts() + " host(s)");
        }
        return new Readiness.Check("templates", false, String.join("; ", problems));
    }

    private Readiness.Check inventory() {
        String what = components.inventory().describe();
        List<String> broken = components.problems();
        if (!broken.isEmpty()) {
            // a host, group or profile file with a mistake: the machines it describes do not boot as written
            return new Readiness.Check("inventory", false, what + "; " + broken.size() + " problem(s) in the host, group"
                    + " and profile files, first: " + broken.get(0) + " (run 'bootproxy lint' for all)");
        }
        if (config.inventory().type().equals("files")) {
            return new Readiness.Check("inventory", true, what);
        }
        return observability.metrics().upstreamState()
                .map(s -> s.up() ? new Readiness.Check("inventory", true, config.inventory().type() + " answering since " + s.since())
                        : new Readiness.Check("inventory", false, config.inventory().type() + " down since " + s.since()
                        + ": " + s.lastError() + " (known hosts boot from the cache while their entries are younger than"
                        + " inventory.cache.stale_max_age)"))
                .orElse(new Readiness.Check("inventory", true, what + "; not asked yet"));
    }

    private Readiness.Check tftp() {
        return switch (states.get(Feature.TFTP)) {
            case RUNNING -> new Readiness.Check("tftp", true, "running on " + config.tftpAddress() + ", root " + config.tftpRoot());
            case DISABLED -> new Readiness.Check("tftp", true, "disabled (tftp.enabled: false)");
            default -> new Readiness.Check("tftp", false, "could not listen on " + config.tftpAddress()
                    + " (see the log at start: port 69 needs root or CAP_NET_BIND_SERVICE)");
        };
    }
}
