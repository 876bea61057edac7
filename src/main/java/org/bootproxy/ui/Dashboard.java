package org.bootproxy.ui;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.Readiness;
import org.bootproxy.support.Route;

/**
 * The read-only dashboard at {@code /ui/}: readiness (template lint, inventory and cache, TFTP), hosts in build with
 * the stage each reached, discovered machines with a "copy as host file" snippet, and the recent per-MAC timelines;
 * {@code /ui/mac/<mac>} shows one timeline and follows it live ({@code /events/<mac>?follow}).
 *
 * <p>Rendered on the server with FreeMarker from templates inside the jar ({@code org/bootproxy/ui/*.ftlh}), never
 * from the operator's templates folder, in FreeMarker's HTML output format: every value is HTML-escaped. A little
 * plain JavaScript ({@code dashboard.js}) refreshes the overview and follows a timeline; there is no build step.
 *
 * <p>It is served on the public HTTP port, like {@code /events} and {@code /metrics}: it shows what machines on the
 * segment send in the clear anyway (MACs, serial numbers, addresses) and changes nothing. It never shows build tokens,
 * parameters or anything a template could turn into a password.
 */
public final class Dashboard {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final Map<String, String> STATIC = Map.of("dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8");

    private final DashboardSources sources;
    private final Clock clock;
    private final Configuration freemarker;

    public Dashboard(DashboardSources sources, Clock clock) {
        this.sources = Objects.requireNonNull(sources);
        this.clock = Objects.requireNonNull(clock);
        this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setClassForTemplateLoading(Dashboard.class, "/org/bootproxy/ui/");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setAPIBuiltinEnabled(false);
    }

    /** The dashboard's routes, for the HTTP side's route table: not boot events, plain one-line errors. */
    public List<Route<Handler>> routes() {
        return List.of(
                Route.get("/ui/", Route.UNRECORDED, Route.Style.PLAIN, this::overview),
                Route.get("/ui/mac/{mac}", Route.UNRECORDED, Route.Style.PLAIN, this::timeline),
                Route.get("/ui/static/{file}", Route.UNRECORDED, Route.Style.PLAIN, this::file));
    }

    private void overview(Context ctx) throws IOException, TemplateException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("now", DAY.format(clock.instant()));
        Readiness readiness = sources.readiness().get();
        model.put("ready", readiness.ready());
        model.put("checks", readiness.checks().stream().map(c -> Map.of("name", c.name(), "ok", c.ok(), "detail", c.detail()))
                .toList());
        model.put("lookups", sources.lookups().get());
        model.put("stages", BuildProgress.STAGES);
        model.put("hosts", hosts());
        model.put("machines", sources.machines().get().stream().map(this::machine).toList());
        model.put("timelines", sources.latest().get().stream().limit(50).map(this::event).toList());
        html(ctx, "overview.ftlh", model);
    }

    private List<Map<String, Object>> hosts() {
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Host> hosts = new ArrayList<>(sources.hosts().get());
        hosts.sort(Comparator.comparing(Host::name));
        for (Host h : hosts) {
            if (!h.build()) {
                continue;
            }
            List<BootEvent> events = new ArrayList<>();
            for (Nic n : h.interfaces()) {
                events.addAll(sources.timeline().apply(n.mac().colons()));
            }
            Map<String, BuildProgress.Reached> reached = BuildProgress.of(events, sources.recorded().apply(h));
            Map<String, Object> stages = new LinkedHashMap<>();
            reached.forEach((stage, r) -> stages.put(stage, Map.of("time", TIME.format(r.at()), "outcome", r.outcome(),
                    "detail", r.detail(), "css", css(r.outcome()))));
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", h.name());
            row.put("mac", h.provisionInterface().mac().colons());
            row.put("macs", h.interfaces().stream().map(n -> n.mac().colons()).toList());
            String version = h.os().minor().isEmpty() ? h.os().major() : h.os().major() + "." + h.os().minor();
            row.put("os", (h.os().name() + " " + version).trim());
            row.put("stages", stages);
            rows.add(row);
        }
        return rows;
    }

    private Map<String, Object> machine(DiscoveredMachine m) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", m.id());
        row.put("macs", m.macs().stream().map(MacAddress::colons).toList());
        row.put("serial", m.serial());
        row.put("manufacturer", m.manufacturer());
        row.put("product", m.product());
        row.put("uuid", m.uuid());
        row.put("arch", m.arch() + (m.platform().isEmpty() ? "" : "/" + m.platform()));
        row.put("ip", m.clientIp());
        row.put("firstSeen", DAY.format(m.firstSeen()));
        row.put("lastSeen", DAY.format(m.lastSeen()));
        row.put("ago", ago(m.lastSeen()));
        row.put("boots", m.boots());
        row.put("host", m.host());
        row.put("announced", String.join(", ", m.announced().keySet()));
        row.put("snippet", HostFileSnippet.of(m));
        return row;
    }

    private Map<String, Object> event(BootEvent e) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("mac", e.mac());
        row.put("time", TIME.format(e.at()));
        row.put("stage", e.stage());
        row.put("detail", e.detail());
        String result = e.fields().getOrDefault("result", e.outcome());
        row.put("outcome", result);
        row.put("css", css(result));
        row.put("client", e.clientIp());
        row.put("host", e.fields().getOrDefault("host", ""));
        row.put("reason", e.fields().getOrDefault("reason", ""));
        row.put("joined", e.fields().containsKey("mac_from"));
        return row;
    }

    private void timeline(Context ctx) throws IOException, TemplateException {
        Optional<MacAddress> mac = MacAddress.tryParse(ctx.pathParam("mac"));
        if (mac.isEmpty()) {
            ctx.status(400).contentType("text/plain; charset=utf-8").result("not a MAC address\n");
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("now", DAY.format(clock.instant()));
        model.put("mac", mac.get().colons());
        model.put("events", sources.timeline().apply(mac.get().colons()).stream().map(this::event).toList());
        Optional<DiscoveredMachine> machine = sources.machines().get().stream().filter(m -> m.macs().contains(mac.get())).findFirst();
        model.put("machine", machine.map(this::machine).orElse(Map.of()));
        html(ctx, "timeline.ftlh", model);
    }

    private void file(Context ctx) throws IOException {
        String name = ctx.pathParam("file");
        String type = STATIC.get(name);
        InputStream in = type == null ? null : Dashboard.class.getResourceAsStream("/org/bootproxy/ui/" + name);
        if (in == null) {
            ctx.status(404).contentType("text/plain; charset=utf-8").result("no such file\n");
            return;
        }
        try (in) {
            ctx.contentType(type).header("Cache-Control", "max-age=300").result(in.readAllBytes());
        }
    }

    private void html(Context ctx, String template, Map<String, Object> model) throws IOException, TemplateException {
        Template t = freemarker.getTemplate(template);
        StringWriter out = new StringWriter();
        t.process(model, out);
        ctx.contentType("text/html; charset=utf-8").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", "default-src 'self'; connect-src 'self'").result(out.toString());
    }

    private String ago(Instant t) {
        Duration d = Duration.between(t, clock.instant());
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s ago";
        }
        return d.toHours() < 1 ? d.toMinutes() + " min ago" : d.toDays() < 1 ? d.toHours() + " h ago" : d.toDays() + " d ago";
    }

    private static String css(String outcome) {
        return switch (outcome) {
            case "ok", "built", "recorded", "reported", "cleared" -> "ok";
            case "retry", "not_found", "not-found", "aborted", "unavailable" -> "warn";
            default -> outcome.matches("2\\d\\d") ? "ok" : "bad";
        };
    }
}
