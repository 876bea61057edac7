package org.bootproxy.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.inventory.upstream.UpstreamInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the configuration of a running {@code serve} (SIGHUP, {@code bootproxy reload}) and applies what can be
 * applied without a restart: a new hosts folder or inventory backend, a new templates folder or render limits, the
 * iPXE answers.
 * Keys that only a restart applies are named in the log and keep their running values. A configuration that does
 * not load (a YAML mistake, a missing folder, a bad inventory setting) is refused as a whole: the previous one keeps
 * serving and the log says why.
 */
final class Reloader {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    /**
     * How one reload went.
     *
     * @param applied false when the new configuration was refused
     */
    record Outcome(boolean applied, String message, SettingsChange change) {
    }

    /** Longer than any upstream request may take (their timeouts are seconds). */
    private static final Duration RETIRE_AFTER = Duration.ofSeconds(120);

    private final Supplier<BootproxyConfig> source;
    private final String sourceName;
    private final BootproxyConfig started;
    private final LiveParts live;
    private BootproxyConfig lastApplied;

    /**
     * @param source     reads and validates the configuration again (config file plus the command line's flags)
     * @param sourceName the config file, for messages
     * @param started    what the servers were started with
     * @param live       the parts that reloads replace
     */
    Reloader(Supplier<BootproxyConfig> source, String sourceName, BootproxyConfig started, LiveParts live) {
        this.source = Objects.requireNonNull(source);
        this.sourceName = Objects.requireNonNull(sourceName);
        this.started = Objects.requireNonNull(started);
        this.live = Objects.requireNonNull(live);
        this.lastApplied = started;
    }

    synchronized Outcome reload(String trigger) {
        BootproxyConfig fresh;
        SettingsChange change;
        LiveParts.Parts next;
        try {
            fresh = source.get();
            change = SettingsChange.between(started, lastApplied, fresh);
            next = next(fresh, change);
        } catch (ConfigException e) {
            String message = "reload (" + trigger + ") refused, the previous configuration keeps serving: " + e.getMessage();
            LOG.error(message);
            return new Outcome(false, message, new SettingsChange(List.of(), List.of()));
        } catch (RuntimeException e) {
            // not a mistake in the file (those are ConfigException) but a bug: shown as one, with its stack trace;
            // the running parts were not touched, so serving goes on
            String message = "reload (" + trigger + ") failed on a bug, the previous configuration keeps serving: " + e;
            LOG.error(message, e);
            return new Outcome(false, message, new SettingsChange(List.of(), List.of()));
        }
        LiveParts.Parts before = live.current();
        live.replace(next);
        lastApplied = fresh;
        if (next.inventory() != before.inventory()) {
            // requests under way may still ask the old inventory: close its HTTP client once they are surely done
            retire(before);
        }
        next.problems().forEach(p -> LOG.error("host file problem: {}", p));
        List<String> parts = new ArrayList<>();
        parts.add(change.applied().isEmpty() ? "nothing to apply" : "applied " + String.join(", ", change.applied()));
        if (!change.needRestart().isEmpty()) {
            parts.add("changed but needs a restart (systemctl restart bootproxy) to apply: " + String.join("; ", change.needRestart()));
        }
        String message = "reload (" + trigger + ") of " + sourceName + ": " + String.join("; ", parts);
        if (change.needRestart().isEmpty()) {
            LOG.info(message);
        } else {
            LOG.warn(message);
        }
        LOG.info("inventory: {}; templates: {} ({} templates)", next.inventory().describe(), fresh.templates(),
                next.renderer().names().size());
        return new Outcome(true, message, change);
    }

    private void retire(LiveParts.Parts old) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(RETIRE_AFTER.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            old.release();
        }, "reload-retire");
        t.setDaemon(true);
        t.start();
    }

    /** The parts for {@code fresh}: rebuilt where their settings changed, the running ones kept otherwise. */
    private LiveParts.Parts next(BootproxyConfig fresh, SettingsChange change) {
        LiveParts.Parts now = live.current();
        List<String> problems = new ArrayList<>();
        List<UpstreamInventory> resources = new ArrayList<>();
        // the renderer first: if it fails, no new upstream client was opened for nothing
        TemplateRenderer renderer = change.changes("templates") || change.changes("render")
                ? Components.renderer(fresh) : now.renderer();
        boolean newInventory = change.changes("hosts") || change.changes("inventory") || change.changes("groups")
                || change.changes("profiles");
        InventoryWiring.Sources sources = newInventory ? InventoryWiring.sources(fresh, problems, resources, live.observer()) : null;
        BootSettings running = now.boot();
        BootSettings boot = new BootSettings(running.publicUrl(), fresh.boot().intermediateNics(), fresh.boot().unknownAnswer(),
                fresh.boot().familyDefaults(), running.retrySeconds(), fresh.boot().grub(), fresh.boot().menu());
        return newInventory
                ? new LiveParts.Parts(sources.inventory(), renderer, boot, problems, resources, sources.site(), sources.rescans())
                : new LiveParts.Parts(now.inventory(), renderer, boot, problems, now.resources(), now.site(), now.rescans());
    }
}
