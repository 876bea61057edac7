package org.bootproxy.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.MachineAnnouncer;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.DiscoveryConfig;
import org.bootproxy.config.ForemanConfig;
import org.bootproxy.discovery.DiscoverySettings;
import org.bootproxy.discovery.JournalRegistry;
import org.bootproxy.inventory.foreman.ForemanDiscovery;
import org.bootproxy.inventory.upstream.Webhook;

/**
 * The {@code discovery:} section turned into the registry {@code serve} records machines in, and the upstreams each
 * new unknown machine is announced to: Foreman Discovery when the inventory is Foreman (unless
 * {@code discovery.announce_to_foreman: false}), the webhook when {@code discovery.webhook_url} is set.
 */
final class DiscoveryWiring {
    private DiscoveryWiring() {
    }

    /** The registry, and what to close with it (the announcers' HTTP clients). */
    record Discovery(JournalRegistry registry, List<AutoCloseable> announcers) implements AutoCloseable {
        @Override
        public void close() {
            registry.close();
            for (AutoCloseable a : announcers) {
                try {
                    a.close();
                } catch (Exception e) {
                    // closing an HTTP client on the way out: nothing left to do about it
                }
            }
        }
    }

    static Discovery start(BootproxyConfig s, BootEvents events, Clock clock) {
        DiscoveryConfig d = s.discovery();
        List<MachineAnnouncer> announcers = new ArrayList<>();
        List<AutoCloseable> closeables = new ArrayList<>();
        if (s.inventory().type().equals("foreman") && d.announceToForeman()) {
            ForemanConfig f = s.inventory().foreman() != null ? s.inventory().foreman() : ForemanConfig.defaults();
            if (f.configured()) {
                ForemanDiscovery fd = StartupErrors.asConfigError(() -> new ForemanDiscovery(InventoryWiring.foreman(f),
                        s.inventory().maxAnswerBytes(), VersionProvider.version(), clock));
                announcers.add(fd);
                closeables.add(fd);
            }
        }
        if (!d.webhookUrl().isEmpty()) {
            Webhook w = StartupErrors.asConfigError(() -> new Webhook(d.webhookUrl(), d.webhookHeaders(),
                    Duration.ofSeconds(5), Duration.ofSeconds(10)));
            announcers.add(w);
            closeables.add(w);
        }
        JournalRegistry registry = StartupErrors.asConfigError(() -> new JournalRegistry(s.stateDir(),
                new DiscoverySettings(d.maxMachines(), d.retryFirst(), d.retryMax()), announcers, events, clock));
        return new Discovery(registry, closeables);
    }
}
