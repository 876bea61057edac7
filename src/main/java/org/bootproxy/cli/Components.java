package org.bootproxy.cli;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BuildStateStore;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.SiteDefinitions;
import org.bootproxy.boot.InventoryObserver;
import org.bootproxy.boot.MachineRegistry;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigException;
import org.bootproxy.inventory.file.FileInventory;
import org.bootproxy.inventory.file.FileWatch;
import org.bootproxy.render.FreemarkerRenderer;
import org.bootproxy.render.RenderLimits;
import org.bootproxy.state.FileBuildStateStore;
import org.bootproxy.inventory.upstream.UpstreamInventory;

/**
 * The composition root's wiring: the only place (with the commands) that names concrete adapters.
 *
 * @param live the inventory, templates and boot settings, which a reload may replace ({@link Reloader})
 */
record Components(BootproxyConfig config, LiveParts live, BootService boot) {

    static Components build(BootproxyConfig s, BootEvents events) {
        return build(s, events, buildStates(s));
    }

    /** The state directory must be writable before the first installer reports: say so at start, in one line. */
    static FileBuildStateStore buildStates(BootproxyConfig s) {
        try {
            return new FileBuildStateStore(s.stateDir());
        } catch (UncheckedIOException e) {
            throw new ConfigException("state_dir: " + e.getMessage() + ". bootproxy keeps built/failed reports there:"
                    + " make it a directory the user running bootproxy can write (e.g. chown bootproxy "
                    + s.stateDir().toAbsolutePath().normalize() + "), or point state_dir / --state-dir elsewhere", e);
        }
    }

    /** With another build-state store: {@code doctor} checks without creating the state folder (as root, it would be root's). */
    static Components build(BootproxyConfig s, BootEvents events, BuildStateStore buildStates) {
        return build(s, events, buildStates, MachineRegistry.NONE, InventoryObserver.NONE);
    }

    /**
     * As {@code serve} wires it.
     *
     * @param machines where the machines seen booting are recorded
     * @param observer told how inventory lookups were answered (metrics, /readyz), also after a reload
     */
    static Components build(BootproxyConfig s, BootEvents events, BuildStateStore buildStates, MachineRegistry machines,
                            InventoryObserver observer) {
        LiveParts live = new LiveParts(parts(s, observer), observer);
        var boot = new BootService(live.inventory(), live.renderer(), buildStates, machines, events, live::boot,
                Clock.systemUTC(), live.site());
        return new Components(s, live, boot);
    }

    /** The profiles and host groups for machines in no inventory (always the current ones after a reload). */
    SiteDefinitions site() {
        return live.site();
    }

    /** Reads the host, group and profile files again every second in the background, until closed. */
    FileWatch watch() {
        return FileWatch.start(FileInventory.DEFAULT_RESCAN, List.of(() -> live.current().rescans().forEach(Runnable::run)));
    }

    /** The inventory (always reaching the current one after a reload). */
    HostInventory inventory() {
        return live.inventory();
    }

    /** The templates (always the current folder after a reload). */
    TemplateRenderer renderer() {
        return live.renderer();
    }

    /**
     * What is wrong with the site's files now (host, group and profile files, each with file and line), read
     * again as they change: for {@code lint} and {@code /readyz}. (The problems logged at start are those of then.)
     */
    List<String> problems() {
        List<String> all = new ArrayList<>(live.inventory().currentProblems());
        live.site().problems().stream().filter(p -> !all.contains(p)).forEach(all::add);
        return all;
    }

    /** New inventory, templates and boot settings for {@code s}, as start-up or a reload builds them. */
    static LiveParts.Parts parts(BootproxyConfig s, InventoryObserver observer) {
        List<String> problems = new ArrayList<>();
        List<UpstreamInventory> resources = new ArrayList<>();
        InventoryWiring.Sources sources = InventoryWiring.sources(s, problems, resources, observer);
        TemplateRenderer renderer;
        try {
            renderer = renderer(s);
        } catch (RuntimeException e) {
            LiveParts.closeAll(resources); // no upstream client stays open for parts never used
            throw e;
        }
        return new LiveParts.Parts(sources.inventory(), renderer, s.boot(), problems, resources, sources.site(),
                sources.rescans());
    }

    static TemplateRenderer renderer(BootproxyConfig s) {
        RenderLimits limits = new RenderLimits(s.render().timeLimit(), s.render().maxOutputBytes());
        return StartupErrors.asConfigError(() -> new FreemarkerRenderer(s.templates(), limits));
    }
}
