package org.bootproxy.smartproxy;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * The templates module's own routes. {@code /unattended/<kind>}, the build reports and the cloud-init seed
 * are bootproxy's HTTP routes, which render locally and hand what they cannot answer to the
 * {@link ForemanForwarder}; this adds what only Foreman can answer:
 *
 * <pre>
 * GET /unattended/templateServer                     {"templateServer": template_url} (Foreman asks it for foreman_url)
 * GET /unattended/{kind}/{template}[/{hostgroup}]    a hostgroup template: forwarded to Foreman
 * </pre>
 *
 * All public: installers call them.
 */
final class TemplatesApi {
    private final URI templateUrl;
    private final Optional<ForemanForwarder> forwarder;

    TemplatesApi(URI templateUrl, Optional<ForemanForwarder> forwarder) {
        this.templateUrl = templateUrl;
        this.forwarder = forwarder;
    }

    void routes(RoutesConfig r, Access access) {
        r.get("/unattended/templateServer", access.open(this::templateServer));
        r.get("/unattended/{kind}/{template}/{hostgroup}", access.open(this::forwardOnly));
        r.get("/unattended/{kind}/{template}", access.open(this::forwardOnly));
    }

    private void templateServer(Context ctx) {
        Replies.json(ctx, Map.of("templateServer", templateUrl.toString()));
    }

    private void forwardOnly(Context ctx) throws Exception {
        if (forwarder.isEmpty()) {
            throw new Halt(404, "not found: " + ctx.path() + " is a Foreman hostgroup template; bootproxy forwards it"
                    + " to Foreman when foreman_url is set");
        }
        forwarder.get().handle(ctx);
    }
}
