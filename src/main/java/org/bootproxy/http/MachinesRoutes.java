package org.bootproxy.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bootproxy.boot.BadRequest;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.MachineRegistry;
import org.bootproxy.boot.Rebuilt;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;

/**
 * The operator's API for machines:
 * <pre>
 * GET    /api/machines               every discovered machine, most recently seen first (JSON)
 * DELETE /api/machines/{id}          forget one (its id or any of its MACs)           management trust
 * POST   /api/hosts/{host}/rebuild   clear a host's recorded build result (name or MAC) management trust
 * </pre>
 * The listing is public like {@code /events} and {@code /metrics}: MACs and serial numbers, no secrets. Changes need
 * the management trust ({@code trusted_hosts}), as Foreman's own calls do.
 */
public final class MachinesRoutes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MachineRegistry machines;
    private final BootService boot;
    private final UnaryOperator<Handler> trusted;

    /** @param trusted wraps a handler so only clients of the management trust reach it (403 for the others) */
    public MachinesRoutes(MachineRegistry machines, BootService boot, UnaryOperator<Handler> trusted) {
        this.machines = Objects.requireNonNull(machines);
        this.boot = Objects.requireNonNull(boot);
        this.trusted = Objects.requireNonNull(trusted);
    }

    /** The routes, for the route table: management, not boot events, plain one-line errors. */
    public List<Route<Handler>> routes() {
        return List.of(
                Route.get("/api/machines", Route.UNRECORDED, Style.PLAIN, this::list),
                Route.delete("/api/machines/{id}", Route.UNRECORDED, Style.PLAIN, trusted.apply(this::remove)),
                Route.post("/api/hosts/{host}/rebuild", Route.UNRECORDED, Style.PLAIN, trusted.apply(this::rebuild)));
    }

    private void list(Context ctx) throws JsonProcessingException {
        json(ctx, 200, Map.of("machines", machines.all().stream().map(DiscoveredMachine::asMap).toList()));
    }

    private void remove(Context ctx) throws JsonProcessingException {
        String id = ctx.pathParam("id");
        Optional<DiscoveredMachine> removed = machines.remove(id);
        if (removed.isEmpty()) {
            Exchange.of(ctx).failure("no such machine");
            Text.answer(ctx, 404, "no discovered machine has the id or MAC '" + Text.oneLine(id, 60)
                    + "' (GET /api/machines lists them)");
            return;
        }
        json(ctx, 200, Map.of("removed", removed.get().asMap()));
    }

    private void rebuild(Context ctx) throws JsonProcessingException {
        Rebuilt r;
        try {
            r = boot.rebuild(ctx.pathParam("host"));
        } catch (HostNotFound | BadRequest e) {
            Exchange.of(ctx).failure(e.getMessage());
            Text.answer(ctx, e instanceof HostNotFound ? 404 : 400, e.getMessage());
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("host", r.host());
        out.put("cleared", r.cleared().map(s -> Map.of("status", s.status().name().toLowerCase(java.util.Locale.ROOT),
                "at", s.at().toString())).orElse(null));
        out.put("message", r.describe());
        json(ctx, 200, out);
    }

    private static void json(Context ctx, int status, Object body) throws JsonProcessingException {
        ctx.status(status).contentType("application/json").result(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }
}
