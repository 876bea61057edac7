package org.bootproxy.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Readiness;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;

/**
 * Routes for the people running bootproxy, so "why did this MAC not boot?" has one URL:
 * <pre>
 * GET /metrics               Prometheus text
 * GET /readyz                200 "ready" or 503 "not ready", one line per check (templates, inventory, tftp)
 * GET /events/{mac}          that machine's boot timeline as JSON, oldest first
 * GET /events/{mac}?follow   the same as server-sent events ("boot"), then each new event as it happens
 * </pre>
 */
public final class OpsRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How many {@code ?follow} streams may be open at once: each holds a request thread. */
    static final int MAX_FOLLOWERS = 32;

    /** The timeline as the routes see it. */
    public interface Timeline {
        List<BootEvent> events(MacAddress mac);

        /** Hands every new event of {@code mac} to {@code sink} (which must not block) until the handle is closed. */
        AutoCloseable follow(MacAddress mac, java.util.function.Consumer<BootEvent> sink);
    }

    private final Supplier<String> metrics;
    private final Timeline timeline;
    private final Supplier<Readiness> readiness;
    private final AtomicInteger following = new AtomicInteger();
    private final long keepAliveMillis;

    public OpsRoutes(Supplier<String> metrics, Timeline timeline, Supplier<Readiness> readiness) {
        this(metrics, timeline, readiness, 15_000);
    }

    OpsRoutes(Supplier<String> metrics, Timeline timeline, Supplier<Readiness> readiness, long keepAliveMillis) {
        this.metrics = Objects.requireNonNull(metrics);
        this.timeline = Objects.requireNonNull(timeline);
        this.readiness = Objects.requireNonNull(readiness);
        this.keepAliveMillis = keepAliveMillis;
    }

    /** The routes; {@code /events/{mac}} takes no worker's place: a followed timeline has its own bound. */
    public List<Route<Handler>> routes() {
        return List.of(
                Route.get("/metrics", Route.UNRECORDED, Style.PLAIN,
                        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get())),
                Route.get("/readyz", Route.UNRECORDED, Style.PLAIN, this::readyz),
                Route.<Handler>get("/events/{mac}", Route.UNRECORDED, Style.PLAIN, this::events).ownBound());
    }

    private void readyz(Context ctx) {
        Readiness r = readiness.get();
        StringBuilder b = new StringBuilder(r.ready() ? "ready\n" : "not ready\n");
        for (Readiness.Check c : r.checks()) {
            b.append(c.name()).append(": ").append(c.ok() ? "ok" : "FAILING").append(c.detail().isEmpty() ? "" : " - ")
                    .append(Text.oneLine(c.detail(), 2000)).append('\n');
        }
        if (!r.ready()) {
            Exchange.of(ctx).failure(String.join("; ", r.checks().stream().filter(c -> !c.ok())
                    .map(c -> c.name() + ": " + c.detail()).toList()));
        }
        ctx.status(r.ready() ? 200 : 503).contentType(Text.PLAIN).result(b.toString());
    }

    private void events(Context ctx) throws Exception {
        var mac = MacAddress.tryParse(ctx.pathParam("mac"));
        if (mac.isEmpty()) {
            Text.answer(ctx, 400, "not a MAC address: " + Text.oneLine(ctx.pathParam("mac"), 100));
            return;
        }
        if (ctx.queryParam("follow") != null) {
            follow(ctx, mac.get());
            return;
        }
        List<Map<String, Object>> out = timeline.events(mac.get()).stream().map(OpsRoutes::toMap).toList();
        ctx.contentType("application/json").result(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                Map.of("mac", mac.get().colons(), "events", out)));
    }

    /**
     * Server-sent events: the timeline so far, then each new event, with a comment every keep-alive period so proxies
     * keep the connection open; ends when the client goes away. The request thread waits for events: at most
     * {@link #MAX_FOLLOWERS} streams at once, past that a 503.
     */
    private void follow(Context ctx, MacAddress mac) throws Exception {
        if (following.incrementAndGet() > MAX_FOLLOWERS) {
            following.decrementAndGet();
            ctx.header("Retry-After", "10");
            Text.answer(ctx, 503, MAX_FOLLOWERS + " timelines are being followed already; close one and try again");
            return;
        }
        try {
            HttpServletResponse res = ctx.res();
            res.setStatus(200);
            res.setCharacterEncoding("UTF-8");
            res.setContentType("text/event-stream");
            res.addHeader("Cache-Control", "no-cache");
            res.addHeader("X-Accel-Buffering", "no");
            res.flushBuffer();
            stream(res.getOutputStream(), mac);
        } finally {
            following.decrementAndGet();
        }
    }

    /** Writes until the client goes away (a write fails), bootproxy stops (interrupt) or the client cannot keep up. */
    private void stream(OutputStream out, MacAddress mac) {
        BlockingQueue<BootEvent> queue = new ArrayBlockingQueue<>(1024);
        AtomicBoolean overrun = new AtomicBoolean();
        try (AutoCloseable handle = timeline.follow(mac, e -> {
            if (!queue.offer(e)) {
                overrun.set(true); // a client that cannot keep up is dropped rather than slowing boots down
            }
        })) {
            for (BootEvent e : timeline.events(mac)) {
                send(out, "event: boot\ndata: " + json(e) + "\n\n");
            }
            while (!overrun.get()) {
                BootEvent e = queue.poll(keepAliveMillis, TimeUnit.MILLISECONDS);
                send(out, e == null ? ": keep-alive\n\n" : "event: boot\ndata: " + json(e) + "\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String json(BootEvent e) throws JsonProcessingException {
        return JSON.writeValueAsString(toMap(e));
    }

    static Map<String, Object> toMap(BootEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", e.at().toString());
        m.put("stage", e.stage());
        m.put("detail", e.detail());
        m.put("outcome", e.outcome());
        m.put("client", e.clientIp());
        m.put("fields", new java.util.TreeMap<>(e.fields()));
        return m;
    }
}
