package org.bootproxy.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.SiteDefinitions;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.inventory.file.FileInventory;
import org.bootproxy.inventory.file.FileSite;
import org.bootproxy.inventory.file.FileWatch;
import org.bootproxy.inventory.file.GroupFolder;
import org.bootproxy.render.FreemarkerRenderer;
import org.bootproxy.render.RenderLimits;
import org.bootproxy.state.FileBuildStateStore;

/**
 * The composition root's wiring: the only place (with the commands) that names concrete adapters.
 *
 * @param problems start-up problems worth showing the operator (broken host, group and profile files…)
 * @param site     the profiles and host groups for machines in no inventory
 * @param rescans  what re-reads the site's folders ({@link #watch} runs them in the background)
 */
record Components(HostInventory inventory, TemplateRenderer renderer, BootService boot, List<String> problems,
                  SiteDefinitions site, List<Runnable> rescans) {

    static Components build(BootproxyConfig s, BootEvents events) {
        List<String> problems = new ArrayList<>();
        Clock clock = Clock.systemUTC();
        GroupFolder groups = new GroupFolder(Optional.of(s.groups()), clock, FileInventory.DEFAULT_RESCAN,
                s.inventory().hostFileMaxBytes());
        List<Runnable> rescans = new ArrayList<>();
        HostInventory inventory = InventoryWiring.inventory(s, groups, problems, rescans);
        FileSite site = new FileSite(groups, Optional.of(s.profiles()), clock, FileInventory.DEFAULT_RESCAN,
                s.inventory().hostFileMaxBytes());
        rescans.add(site::rescan);
        if (!s.inventory().type().equals("files") && !s.inventory().filesOverride()) {
            groups.problems().forEach(p -> problems.add(p.toString())); // else the host files report them
        }
        problems.addAll(site.problems());
        TemplateRenderer renderer = renderer(s);
        var boot = new BootService(inventory, renderer, new FileBuildStateStore(s.stateDir()), events, s.boot(),
                clock, site);
        return new Components(inventory, renderer, boot, List.copyOf(problems), site, List.copyOf(rescans));
    }

    /** Reads the host, group and profile files again every second in the background, until closed. */
    FileWatch watch() {
        return FileWatch.start(FileInventory.DEFAULT_RESCAN, rescans);
    }

    private static TemplateRenderer renderer(BootproxyConfig s) {
        RenderLimits limits = new RenderLimits(s.render().timeLimit(), s.render().maxOutputBytes());
        return StartupErrors.asConfigError(() -> new FreemarkerRenderer(s.templates(), limits));
    }
}
