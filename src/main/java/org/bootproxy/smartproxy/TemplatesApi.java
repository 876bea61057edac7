package org.bootproxy.smartproxy;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.support.Route;
import org.bootproxy.support.Route.Style;

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

    List<Route<Handler>> routes(Access access) {
        return List.of(
                Route.get("/unattended/templateServer", Route.UNRECORDED, Style.PLAIN, access.open(this::templateServer)),
                // an installer reads these: Foreman's answer, or a 503 with Retry-After when it does not answer
                Route.get("/unattended/{kind}/{template}/{hostgroup}", "unattended", Style.INSTALLER,
                        access.open(this::forwardOnly)),
                Route.get("/unattended/{kind}/{template}", "unattended", Style.INSTALLER, access.open(this::forwardOnly)));
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
