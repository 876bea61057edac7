package org.bootproxy.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;

/**
 * Routes for the people running bootproxy: {@code GET /metrics} (Prometheus text) and
 * {@code GET /events/{mac}} (that machine's boot timeline as JSON: every TFTP transfer, HTTP answer and
 * build report, oldest first), so "why did this MAC not boot?" has one URL.
 */
public final class OpsRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<String> metrics;
    private final Function<MacAddress, List<BootEvent>> timeline;

    public OpsRoutes(Supplier<String> metrics, Function<MacAddress, List<BootEvent>> timeline) {
        this.metrics = metrics;
        this.timeline = timeline;
    }

    public List<Route<Handler>> routes() {
        return List.of(
                Route.get("/metrics", Route.UNRECORDED, Style.PLAIN,
                        ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.get())),
                Route.get("/events/{mac}", Route.UNRECORDED, Style.PLAIN, this::events));
    }

    private void events(Context ctx) throws JsonProcessingException {
        var mac = MacAddress.tryParse(ctx.pathParam("mac"));
        if (mac.isEmpty()) {
            ctx.status(400).contentType("text/plain; charset=utf-8")
                    .result("not a MAC address: " + Text.oneLine(ctx.pathParam("mac"), 100) + "\n");
            return;
        }
        List<Map<String, Object>> out = timeline.apply(mac.get()).stream().map(OpsRoutes::toMap).toList();
        ctx.contentType("application/json").result(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(
                Map.of("mac", mac.get().colons(), "events", out)));
    }

    private static Map<String, Object> toMap(BootEvent e) {
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
