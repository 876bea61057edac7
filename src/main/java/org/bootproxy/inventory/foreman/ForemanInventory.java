package org.bootproxy.inventory.foreman;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.inventory.upstream.HttpTrace;
import org.bootproxy.inventory.upstream.UpstreamHttp;
import org.bootproxy.inventory.upstream.UpstreamInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts from Foreman's API v2. A MAC lookup searches {@code has_mac=} (any interface), then {@code mac=}
 * (the primary one), reads the host with its interfaces and inherited parameters, then its operating
 * system, medium and subnet (remembered by id for {@code reference_ttl}). Build reports go to Foreman's
 * own {@code /unattended/built} and {@code /unattended/failed}, so Foreman takes the host out of build
 * exactly as if the installer had called it.
 */
public final class ForemanInventory implements UpstreamInventory {

    private static final Logger log = LoggerFactory.getLogger(ForemanInventory.class);

    private final ForemanSettings config;
    private final UpstreamHttp http;
    private final ForemanHostMapper mapper;
    private final ReferenceCache<ForemanJson.OsJson> operatingSystems;
    private final ReferenceCache<ForemanJson.MediumJson> media;
    private final ReferenceCache<ForemanJson.SubnetJson> subnets;

    public ForemanInventory(ForemanSettings config) {
        this(config, Clock.systemUTC());
    }

    public ForemanInventory(ForemanSettings config, Clock clock) {
        this(config, clock, UpstreamHttp.DEFAULT_MAX_ANSWER_BYTES);
    }

    /** @param maxAnswerBytes Foreman's answers are read up to this many bytes (inventory.max_answer_bytes) */
    public ForemanInventory(ForemanSettings config, Clock clock, long maxAnswerBytes) {
        this.config = Objects.requireNonNull(config);
        String k = "inventory.foreman";
        this.http = new UpstreamHttp(new UpstreamHttp.Endpoint("Foreman at " + config.url(), k,
                config.connectTimeout(), config.readTimeout(), config.caFile(), config.clientCert(), config.clientKey(),
                Map.of("Accept", "application/json,version=2"), config.username(), config.secret(), "",
                k + ".username and " + k + (config.token().isEmpty() ? ".password" : ".token"),
                "user " + config.username() + " needs permission to view hosts, operating systems, media and subnets"
                        + " (e.g. Foreman's Viewer role)", maxAnswerBytes));
        this.mapper = new ForemanHostMapper(config.url());
        this.operatingSystems = new ReferenceCache<>(config.referenceTtl(), clock);
        this.media = new ReferenceCache<>(config.referenceTtl(), clock);
        this.subnets = new ReferenceCache<>(config.referenceTtl(), clock);
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac, HttpTrace trace) {
        return search("has_mac=" + mac.colons(), trace)
                .or(() -> search("mac=" + mac.colons(), trace))
                .map(ref -> load(ref, trace));
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        return search("has_ip=" + ip, HttpTrace.NONE)
                .or(() -> search("ip=" + ip, HttpTrace.NONE))
                .map(ref -> load(ref, HttpTrace.NONE));
    }

    private Optional<ForemanJson.HostRef> search(String query, HttpTrace trace) {
        UpstreamHttp.Response r = http.get(api("/hosts?search=" + encode(query) + "&per_page=10"), trace);
        if (!r.ok()) {
            throw http.failure(r);
        }
        var results = http.read(r, ForemanJson.Page.class).results();
        if (results.size() > 1) {
            // Foreman's own unattended lookup also takes the newest host when several match
            log.warn("Foreman search {} matched {} hosts ({}); using the newest", query, results.size(),
                    String.join(", ", results.stream().map(ForemanJson.HostRef::name).toList()));
        }
        return results.stream().max(Comparator.comparingLong(ForemanJson.HostRef::id));
    }

    private Host load(ForemanJson.HostRef ref, HttpTrace trace) {
        UpstreamHttp.Response r = http.get(api("/hosts/" + ref.id() + "?show_hidden_parameters=true"), trace);
        if (!r.ok()) {
            throw http.failure(r);
        }
        ForemanJson.HostJson host = http.read(r, ForemanJson.HostJson.class);
        if (host.operatingsystemId() == null) {
            throw new UpstreamUnavailable("mapping: host " + host.name() + " has no operating system in Foreman"
                    + " (set one; Foreman's own unattended answers 409 for it too)");
        }
        var os = operatingSystems.get(host.operatingsystemId(),
                () -> fetch("/operatingsystems/" + host.operatingsystemId(), ForemanJson.OsJson.class, trace));
        var medium = host.mediumId() == null ? null
                : media.get(host.mediumId(), () -> fetch("/media/" + host.mediumId(), ForemanJson.MediumJson.class, trace));
        var subnet = host.subnetId() == null ? null
                : subnets.get(host.subnetId(), () -> fetch("/subnets/" + host.subnetId(), ForemanJson.SubnetJson.class, trace));
        return mapper.host(host, os, medium, subnet);
    }

    private <T> T fetch(String path, Class<T> type, HttpTrace trace) {
        UpstreamHttp.Response r = http.get(api(path), trace);
        if (!r.ok()) {
            throw http.failure(r);
        }
        return http.read(r, type);
    }

    // ------------------------------------------------------------------ build reports

    /** {@code GET /unattended/built?token=…} (or {@code ?mac=…} when Foreman issued no token): Foreman answers 201. */
    @Override
    public void reportBuilt(Host host) {
        report(host, "GET", "built", null);
    }

    /** {@code POST /unattended/failed?token=…} with the installer's report as the body: Foreman stores it as build errors. */
    @Override
    public void reportFailed(Host host, String report) {
        report(host, "POST", "failed", report == null ? "" : report);
    }

    private void report(Host host, String method, String what, String body) {
        String query = host.token().isEmpty()
                ? "mac=" + encode(host.provisionInterface().mac().colons())
                : "token=" + encode(host.token());
        Map<String, String> headers = new LinkedHashMap<>();
        // Foreman only reads X-Forwarded-For from trusted proxies; naming the host's own address keeps
        // "update_ip_from_built_request" from recording bootproxy's address as the host's
        String ip = host.provisionInterface().ip();
        if (!ip.isEmpty()) {
            headers.put("X-Forwarded-For", ip);
        }
        UpstreamHttp.Response r = http.send(method, config.url() + "/unattended/" + what + "?" + query, headers, body,
                false, HttpTrace.NONE);
        switch (r.status()) {
            case 200, 201 -> log.info("Foreman marked {} {} (answered {})", host.name(), what, UpstreamHttp.status(r.status()));
            case 405 -> throw new UpstreamUnavailable(http.label() + " says " + host.name()
                    + " is not in build mode (405 Method Not Allowed), so it was not marked " + what);
            case 409 -> throw new UpstreamUnavailable(http.label() + " could not save " + host.name() + " as " + what
                    + " (409 Conflict); Foreman's production.log says why");
            case 404 -> throw new UpstreamUnavailable(http.label() + " found no host for the " + (host.token().isEmpty()
                    ? "MAC " + host.provisionInterface().mac() : "build token") + " of " + host.name() + " (404 Not Found)");
            default -> throw http.failure(r);
        }
    }

    // ------------------------------------------------------------------

    private String api(String path) {
        return config.url() + "/api/v2" + path;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return "Foreman at " + config.url() + (config.username().isEmpty() ? "" : " as " + config.username())
                + (config.caFile().isEmpty() ? "" : ", trusting " + config.caFile())
                + (config.clientCert().isEmpty() ? "" : ", client certificate " + config.clientCert());
    }

    @Override
    public void close() {
        http.close();
    }
}
