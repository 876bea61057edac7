package org.bootproxy.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BuildStateStore;
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
import org.bootproxy.render.RenderLimits;
import org.bootproxy.state.FileBuildStateStore;

/**
 * The composition root's wiring: the only place (with the commands) that names concrete adapters.
 *
 * @param live the inventory, templates and boot settings, which a reload may replace ({@link Reloader})
 */
record Components(Settings settings, LiveParts live, BootService boot) {

    static Components build(Settings s, BootEvents events) {
        return build(s, events, new FileBuildStateStore(s.stateDir()));
    }

    /** With another build-state store: {@code doctor} checks without creating the state folder (as root, it would be root's). */
    static Components build(Settings s, BootEvents events, BuildStateStore buildStates) {
        LiveParts live = new LiveParts(parts(s));
        var boot = new BootService(live.inventory(), live.renderer(), buildStates, events, live::boot, Clock.systemUTC());
        return new Components(s, live, boot);
    }

    /** The inventory (always reaching the current one after a reload). */
    HostInventory inventory() {
        return live.inventory();
    }

    /** The templates (always the current folder after a reload). */
    TemplateRenderer renderer() {
        return live.renderer();
    }

    /** Problems worth showing the operator when the current parts were built (broken host files…). */
    List<String> problems() {
        return live.current().problems();
    }

    /** New inventory, templates and boot settings for {@code s}, as start-up or a reload builds them. */
    static LiveParts.Parts parts(Settings s) {
        List<String> problems = new ArrayList<>();
        List<AutoCloseable> resources = new ArrayList<>();
        HostInventory inventory = inventory(s, problems, resources);
        return new LiveParts.Parts(inventory, renderer(s), s.boot(), problems, resources);
    }

    /**
     * @param resources receives what must be closed once the inventory is no longer used (an upstream's HTTP client)
     */
    static HostInventory inventory(Settings s, List<String> problems, List<AutoCloseable> resources) {
        InventoryConfig cfg = s.inventory();
        if (cfg.type().equals("files")) {
            return files(s, problems);
        }
        // upstream backends always sit behind the cache: it keeps booting when upstream is down, merges a rack's
        // lookups into one call per host, and answers token lookups (Foreman cannot search by build token)
        UpstreamInventory upstream = upstream(cfg);
        resources.add(upstream);
        HostInventory cached = new CachingInventory(upstream, cfg.cache(), Clock.systemUTC());
        return cfg.filesOverride() ? new LayeredInventory(List.of(files(s, problems), cached)) : cached;
    }

    /** The upstream backend named by inventory.type, without a cache (check-upstream talks to it directly). */
    static UpstreamInventory upstream(InventoryConfig cfg) {
        try {
            return switch (cfg.type()) {
                case "foreman" -> new ForemanInventory(cfg.foreman() != null ? cfg.foreman() : ForemanConfig.defaults(),
                        Clock.systemUTC(), cfg.maxAnswerBytes());
                case "cmdb" -> new CmdbInventory(cfg.cmdb() != null ? cfg.cmdb() : CmdbConfig.defaults(), cfg.maxAnswerBytes());
                default -> throw new ConfigException("inventory.type is '" + cfg.type()
                        + "': there is no upstream to check; set inventory.type to foreman or cmdb");
            };
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static FileInventory files(Settings s, List<String> problems) {
        try {
            FileInventory files = new FileInventory(s.hosts(), Clock.systemUTC(), FileInventory.DEFAULT_RESCAN,
                    s.inventory().hostFileMaxBytes());
            files.problems().forEach(p -> problems.add(p.toString()));
            return files;
        } catch (RuntimeException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    static TemplateRenderer renderer(Settings s) {
        try {
            return new FreemarkerRenderer(s.templates(), new RenderLimits(s.render().timeLimit(), s.render().maxOutputBytes()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
