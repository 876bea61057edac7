package org.bootproxy.inventory.upstream;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.bootproxy.boot.AnnouncementRefused;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MachineAnnouncer;
import org.bootproxy.support.OneLine;

/**
 * Announces each new unknown machine to a URL ({@code discovery.webhook_url}, e.g. a CMDB's intake): {@code POST}
 * with the machine's record as JSON, exactly as {@code GET /api/machines} lists it. Any 2xx is success; a 4xx is a
 * refusal (not retried: the receiver does not want this record); anything else is tried again later.
 */
public final class Webhook implements MachineAnnouncer, AutoCloseable {
    private static final String KEY = "discovery.webhook_url";

    private final String url;
    private final UpstreamHttp http;

    public Webhook(String url, Map<String, String> headers, Duration connectTimeout, Duration readTimeout) {
        this.url = Objects.requireNonNull(url);
        this.http = new UpstreamHttp(new UpstreamHttp.Endpoint("the discovery webhook at " + url, KEY, connectTimeout,
                readTimeout, "", "", "", headers, "", "", "", "discovery.webhook_headers (its Authorization header)",
                "discovery.webhook_headers: the receiver refuses these credentials", 1024 * 1024));
    }

    @Override
    public String target() {
        return "webhook";
    }

    @Override
    public void announce(DiscoveredMachine machine) {
        UpstreamHttp.Response r = http.postJson(url, machine.asMap(), HttpTrace.NONE);
        if (r.ok()) {
            return;
        }
        if (r.status() >= 400 && r.status() < 500 && r.status() != 401 && r.status() != 408 && r.status() != 429) {
            throw new AnnouncementRefused(http.label() + " answered " + UpstreamHttp.status(r.status()) + ": "
                    + OneLine.of(r.body(), 300));
        }
        throw http.failure(r);
    }

    @Override
    public void close() {
        http.close();
    }
}
