package org.bootproxy.cli;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.InventoryObserver;
import org.bootproxy.boot.MachineRegistry;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.render.FreemarkerRenderer;
import org.bootproxy.render.RenderLimits;
import org.bootproxy.state.FileBuildStateStore;

/**
 * The composition root's wiring: the only place (with the commands) that names concrete adapters.
 *
 * @param problems start-up problems worth showing the operator (broken host files…)
 */
record Components(HostInventory inventory, TemplateRenderer renderer, BootService boot, List<String> problems) {

    /** For the commands that render without serving: no machine is recorded. */
    static Components build(BootproxyConfig s, BootEvents events) {
        return build(s, events, MachineRegistry.NONE, InventoryObserver.NONE);
    }

    /**
     * @param machines where {@code serve} records the machines it sees
     * @param observer told how inventory lookups were answered (metrics, /readyz)
     */
    static Components build(BootproxyConfig s, BootEvents events, MachineRegistry machines, InventoryObserver observer) {
        List<String> problems = new ArrayList<>();
        HostInventory inventory = InventoryWiring.inventory(s, problems, observer);
        TemplateRenderer renderer = renderer(s);
        var boot = new BootService(inventory, renderer, new FileBuildStateStore(s.stateDir()), machines, events, s.boot(),
                Clock.systemUTC());
        return new Components(inventory, renderer, boot, List.copyOf(problems));
    }

    private static TemplateRenderer renderer(BootproxyConfig s) {
        RenderLimits limits = new RenderLimits(s.render().timeLimit(), s.render().maxOutputBytes());
        return StartupErrors.asConfigError(() -> new FreemarkerRenderer(s.templates(), limits));
    }
}
