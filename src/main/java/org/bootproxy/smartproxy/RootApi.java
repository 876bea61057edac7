package org.bootproxy.smartproxy;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;

/**
 * smart-proxy's root API, which Foreman reads when the proxy is registered or refreshed:
 *
 * <pre>
 * GET /features      ["httpboot","templates","tftp"]: the running modules, sorted (public)
 * GET /version       {"version": …, "modules": {"tftp": …, …}} (public): smart_proxy_version, so that Foreman's
 *                    proxy page finds it compatible with its own; each module reports it without "-develop"
 * GET /v2/features   per module: http_enabled, https_enabled, settings, state, capabilities (trusted clients)
 * </pre>
 *
 * Foreman keeps the modules whose state is {@code running}; a module that failed to start is listed as
 * {@code failed} and the others keep working.
 */
final class RootApi {
    private final SmartProxySettings settings;
    private final ModuleStates states;

    RootApi(SmartProxySettings settings, ModuleStates states) {
        this.settings = settings;
        this.states = states;
    }

    List<Route<Handler>> routes(Access access) {
        return List.of(
                Route.get("/features", Route.UNRECORDED, Style.PLAIN, access.open(this::features)),
                Route.get("/version", Route.UNRECORDED, Style.PLAIN, access.open(this::version)),
                Route.get("/v2/features", Route.UNRECORDED, Style.PLAIN, access.management(this::featuresV2)));
    }

    private void features(Context ctx) {
        Replies.json(ctx, states.running().stream().map(Feature::id).sorted().toList());
    }

    private void version(Context ctx) {
        Map<String, String> modules = new TreeMap<>();
        String moduleVersion = settings.version().replaceFirst("-develop$", "");
        states.running().forEach(f -> modules.put(f.id(), moduleVersion));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", settings.version());
        body.put("modules", modules);
        Replies.json(ctx, body);
    }

    private void featuresV2(Context ctx) {
        Map<String, Object> all = new TreeMap<>();
        for (Feature f : Feature.values()) {
            Map<String, Object> module = new LinkedHashMap<>();
            module.put("http_enabled", true);
            module.put("https_enabled", settings.httpsPort().isPresent());
            module.put("settings", exposedSettings(f));
            module.put("state", states.get(f).id());
            module.put("capabilities", List.of());
            all.put(f.id(), module);
        }
        Replies.json(ctx, all);
    }

    /** What each module exposes in smart-proxy (its {@code expose_setting}s). */
    private Map<String, Object> exposedSettings(Feature f) {
        Map<String, Object> s = new LinkedHashMap<>();
        switch (f) {
            case TFTP -> s.put("tftp_servername", settings.tftpServername().isEmpty() ? null : settings.tftpServername());
            case TEMPLATES -> s.put("template_url", settings.templateUrl().toString());
            case HTTPBOOT -> {
                s.put("http_port", settings.httpPort());
                s.put("https_port", settings.httpsPort().orElse(null));
            }
            default -> throw new IllegalStateException("no settings for " + f);
        }
        return s;
    }
}
