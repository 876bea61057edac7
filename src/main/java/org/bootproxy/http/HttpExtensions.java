package org.bootproxy.http;

import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import org.bootproxy.support.Route;

/**
 * What other modules add to the one HTTP server, wired by the composition root only, so that they need
 * not depend on this package (a Foreman smart-proxy module, for instance):
 *
 * @param routes             their routes ({@code /features}, {@code /tftp/*}, …), each declared with its stage and
 *                           error style. They go into the route table before bootproxy's own, so an exact path such
 *                           as {@code /unattended/templateServer} wins over {@code /unattended/{kind}}; a
 *                           {@link Route.Admission#WORKER} route is answered within {@link HttpLimits#workers()}
 * @param unattendedFallback called instead of answering "not found" when {@code /unattended/*} or a
 *                           build report names no host bootproxy knows, or a host whose template is
 *                           missing here, or a kind it has no templates for (e.g. to forward the
 *                           request to Foreman). It answers the request itself; what it throws is
 *                           mapped like any other failure. When bootproxy has already read the request
 *                           body, the body is in the request attribute {@link #BODY_ATTRIBUTE}; the client's
 *                           address as bootproxy determined it is in {@link #CLIENT_IP_ATTRIBUTE}
 * @param fallbackFirst      the fallback answers every {@code /unattended/<kind>}, build report and cloud-init seed
 *                           request before bootproxy looks at it (Foreman renders everything: templates_from foreman)
 */
public record HttpExtensions(List<Route<Handler>> routes, Optional<Handler> unattendedFallback,
                             boolean fallbackFirst) {
    public static final HttpExtensions NONE = new HttpExtensions(List.of(), Optional.empty());

    /** The request attribute (a String) holding the client's address: the socket's peer, or what a trusted proxy said. */
    public static final String CLIENT_IP_ATTRIBUTE = "org.bootproxy.http.client-ip";

    /**
     * The request attribute (a {@code byte[]}) holding the body of a request handed to the fallback after
     * bootproxy read it (a {@code POST /unattended/failed} report, its first 64 KiB); absent when the body is still
     * unread.
     */
    public static final String BODY_ATTRIBUTE = "org.bootproxy.http.body";

    public HttpExtensions {
        routes = routes == null ? List.of() : List.copyOf(routes);
        unattendedFallback = unattendedFallback == null ? Optional.empty() : unattendedFallback;
        if (fallbackFirst && unattendedFallback.isEmpty()) {
            throw new IllegalArgumentException("a fallback that answers first needs a fallback");
        }
    }

    /** bootproxy answers first; the fallback gets what it cannot answer. */
    public HttpExtensions(List<Route<Handler>> routes, Optional<Handler> unattendedFallback) {
        this(routes, unattendedFallback, false);
    }
}
