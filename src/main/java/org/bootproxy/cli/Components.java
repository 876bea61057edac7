package org.bootproxy.cli;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.config.CmdbConfig;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.ForemanConfig;
import org.bootproxy.config.InventoryConfig;
import org.bootproxy.config.Settings;
import org.bootproxy.inventory.CachingInventory;
import org.bootproxy.inventory.LayeredInventory;
import org.bootproxy.inventory.cmdb.CmdbInventory;
import org.bootproxy.inventory.file.FileInventory;
import org.bootproxy.inventory.foreman.ForemanInventory;
import org.bootproxy.inventory.upstream.UpstreamInventory;
import org.bootproxy.render.FreemarkerRenderer;
import org.bootproxy.state.FileBuildStateStore;

/**
 * The composition root's wiring: the only place (with the commands) that names concrete adapters.
 *
 * @param problems start-up problems worth showing the operator (broken host files…)
 */
record Components(Settings settings, HostInventory inventory, TemplateRenderer renderer, BootService boot,
                  List<String> problems) {

    static Components build(Settings s, BootEvents events) {
        List<String> problems = new ArrayList<>();
        HostInventory inventory = inventory(s, problems);
        TemplateRenderer renderer = renderer(s);
        var boot = new BootService(inventory, renderer, buildStates(s), events, s.boot(), Clock.systemUTC());
        return new Components(s, inventory, renderer, boot, List.copyOf(problems));
    }

    private static HostInventory inventory(Settings s, List<String> problems) {
        InventoryConfig cfg = s.inventory();
        if (cfg.type().equals("files")) {
            return files(s, problems);
        }
        // upstream backends always sit behind the cache: it keeps booting when upstream is down, merges a rack's
        // lookups into one call per host, and answers token lookups (Foreman cannot search by build token)
        HostInventory cached = new CachingInventory(upstream(cfg), cfg.cache(), Clock.systemUTC());
        return cfg.filesOverride() ? new LayeredInventory(List.of(files(s, problems), cached)) : cached;
    }

    /** The upstream backend named by inventory.type, without a cache (check-upstream talks to it directly). */
    static UpstreamInventory upstream(InventoryConfig cfg) {
        try {
            return switch (cfg.type()) {
                case "foreman" -> new ForemanInventory(cfg.foreman() != null ? cfg.foreman() : ForemanConfig.defaults());
                case "cmdb" -> new CmdbInventory(cfg.cmdb() != null ? cfg.cmdb() : CmdbConfig.defaults());
                default -> throw new ConfigException("inventory.type is '" + cfg.type()
                        + "': there is no upstream to check; set inventory.type to foreman or cmdb");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static FileInventory files(Settings s, List<String> problems) {
        try {
            FileInventory files = new FileInventory(s.hosts(), Clock.systemUTC());
            files.problems().forEach(p -> problems.add(p.toString()));
            return files;
        } catch (RuntimeException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    /** The state directory must be writable before the first installer reports: say so at start, in one line. */
    private static FileBuildStateStore buildStates(Settings s) {
        try {
            return new FileBuildStateStore(s.stateDir());
        } catch (UncheckedIOException e) {
            throw new ConfigException("state_dir: " + e.getMessage() + ". bootproxy keeps built/failed reports there:"
                    + " make it a directory the user running bootproxy can write (e.g. chown bootproxy "
                    + s.stateDir().toAbsolutePath().normalize() + "), or point state_dir / --state-dir elsewhere", e);
        }
    }

    private static TemplateRenderer renderer(Settings s) {
        try {
            return new FreemarkerRenderer(s.templates());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
