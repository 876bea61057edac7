package org.bootproxy.inventory.foreman;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.bootproxy.boot.AnnouncementRefused;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MachineAnnouncer;
import org.bootproxy.inventory.upstream.HttpTrace;
import org.bootproxy.inventory.upstream.UpstreamHttp;
import org.bootproxy.support.OneLine;

/**
 * Announces each new unknown machine to Foreman Discovery, as the discovery image does when a machine boots it:
 * {@code POST /api/v2/discovered_hosts/facts} with {@link DiscoveryFacts}. Foreman then lists it under Hosts →
 * Discovered Hosts, where it can be provisioned. The inventory's Foreman user needs the {@code submit_discovered_hosts}
 * permission (Foreman's "Discovery Manager" role has it).
 *
 * <p>201/200: announced. 422 (Foreman refuses the facts, e.g. the MAC belongs to a managed host) and 404 (the
 * foreman_discovery plugin is not installed) are refusals, not retried. Anything else (down, 401, 5xx) is tried again.
 */
public final class ForemanDiscovery implements MachineAnnouncer, AutoCloseable {
    static final String PATH = "/api/v2/discovered_hosts/facts";

    private final ForemanSettings config;
    private final UpstreamHttp http;
    private final String version;
    private final Clock clock;

    public ForemanDiscovery(ForemanSettings config, long maxAnswerBytes, String bootproxyVersion, Clock clock) {
        this.config = Objects.requireNonNull(config);
        String k = "inventory.foreman";
        this.http = new UpstreamHttp(new UpstreamHttp.Endpoint("Foreman at " + config.url(), k, config.connectTimeout(),
                config.readTimeout(), config.caFile(), config.clientCert(), config.clientKey(),
                Map.of("Accept", "application/json,version=2"), config.username(), config.secret(), "",
                k + ".username and " + k + (config.token().isEmpty() ? ".password" : ".token"),
                "user " + config.username() + " needs the submit_discovered_hosts permission (Foreman's Discovery Manager"
                        + " role) to announce discovered machines", maxAnswerBytes));
        this.version = Objects.requireNonNull(bootproxyVersion);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String target() {
        return "foreman";
    }

    @Override
    public void announce(DiscoveredMachine machine) {
        UpstreamHttp.Response r = http.postJson(config.url() + PATH, DiscoveryFacts.of(machine, version, clock.instant()),
                HttpTrace.NONE);
        switch (r.status()) {
            case 200, 201 -> {
                // Foreman created (or updated) the discovered host
            }
            case 422 -> throw new AnnouncementRefused(http.label() + " refused the facts (422): " + OneLine.of(r.body(), 300));
            case 404 -> throw new AnnouncementRefused(http.label() + " has no " + PATH + " (404): is the foreman_discovery"
                    + " plugin installed? (or set discovery.announce_to_foreman: false)");
            default -> throw http.failure(r);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
