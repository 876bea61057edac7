package org.bootproxy.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.InventoryObserver;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MenuEntry;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.Profiles;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.SiteDefinitions;
import org.bootproxy.boot.TemplateRenderer;
import org.bootproxy.inventory.upstream.UpstreamInventory;

/**
 * The parts of a running bootproxy that a reload may replace: the inventory, the templates and the boot settings.
 * {@link org.bootproxy.boot.BootService} is built once on {@link #inventory()}, {@link #renderer()} and
 * {@link #boot()}, which always reach the current parts, so the transports keep their sockets while a reload swaps
 * what they serve. A request that is under way while the parts are swapped finishes on whichever it already read.
 */
final class LiveParts {

    /**
     * One consistent set.
     *
     * @param problems  start-up problems worth showing the operator (broken host files…)
     * @param resources what the inventory holds open (an upstream's HTTP client): closed by {@link #release()}
     * @param site      the profiles and host groups for machines in no inventory
     * @param rescans   what re-reads the host, group and profile folders (run in the background by serve)
     */
    record Parts(HostInventory inventory, TemplateRenderer renderer, BootSettings boot, List<String> problems,
                 List<UpstreamInventory> resources, SiteDefinitions site, List<Runnable> rescans) {
        Parts {
            Objects.requireNonNull(inventory, "inventory");
            Objects.requireNonNull(renderer, "renderer");
            Objects.requireNonNull(boot, "boot");
            Objects.requireNonNull(site, "site");
            problems = List.copyOf(problems);
            resources = List.copyOf(resources);
            rescans = List.copyOf(rescans);
        }

        /** Closes what the inventory holds open; call it once nothing asks this inventory any more. */
        void release() {
            closeAll(resources);
        }
    }

    /** Closes each of {@code resources}. */
    static void closeAll(List<UpstreamInventory> resources) {
        resources.forEach(UpstreamInventory::close);
    }

    private final AtomicReference<Parts> current;
    private final HostInventory inventory = new CurrentInventory();
    private final TemplateRenderer renderer = new CurrentRenderer();
    private final SiteDefinitions site = new CurrentSite();

    private final InventoryObserver observer;

    LiveParts(Parts first) {
        this(first, InventoryObserver.NONE);
    }

    /** @param observer what every inventory built for these parts reports its lookups to, also after a reload */
    LiveParts(Parts first, InventoryObserver observer) {
        this.current = new AtomicReference<>(Objects.requireNonNull(first));
        this.observer = Objects.requireNonNull(observer);
    }

    InventoryObserver observer() {
        return observer;
    }

    Parts current() {
        return current.get();
    }

    /** From now on every new answer is made with {@code next}. */
    void replace(Parts next) {
        current.set(Objects.requireNonNull(next));
    }

    HostInventory inventory() {
        return inventory;
    }

    TemplateRenderer renderer() {
        return renderer;
    }

    BootSettings boot() {
        return current.get().boot();
    }

    SiteDefinitions site() {
        return site;
    }

    private final class CurrentInventory implements HostInventory {
        @Override
        public Optional<Host> findByMac(MacAddress mac) {
            return current.get().inventory().findByMac(mac);
        }

        @Override
        public Optional<Host> findByToken(String token) {
            return current.get().inventory().findByToken(token);
        }

        @Override
        public Optional<Host> findByIp(String ip) {
            return current.get().inventory().findByIp(ip);
        }

        @Override
        public List<Host> all() {
            return current.get().inventory().all();
        }

        @Override
        public void reportBuilt(Host host) {
            current.get().inventory().reportBuilt(host);
        }

        @Override
        public void reportFailed(Host host, String report) {
            current.get().inventory().reportFailed(host, report);
        }

        @Override
        public List<String> currentProblems() {
            return current.get().inventory().currentProblems();
        }

        @Override
        public String describe() {
            return current.get().inventory().describe();
        }
    }

    private final class CurrentSite implements SiteDefinitions {
        @Override
        public Profiles profiles() {
            return current.get().site().profiles();
        }

        @Override
        public List<MenuEntry> menu() {
            return current.get().site().menu();
        }

        @Override
        public Optional<Host> hostFromGroup(String group, String name, List<Nic> nics, String token,
                                            Map<String, String> params) {
            return current.get().site().hostFromGroup(group, name, nics, token, params);
        }

        @Override
        public List<String> problems() {
            return current.get().site().problems();
        }
    }

    private final class CurrentRenderer implements TemplateRenderer {
        @Override
        public String render(String templateName, RenderContext context) {
            return current.get().renderer().render(templateName, context);
        }

        @Override
        public boolean exists(String templateName) {
            return current.get().renderer().exists(templateName);
        }

        @Override
        public List<String> names() {
            return current.get().renderer().names();
        }
    }
}
