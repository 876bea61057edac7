package org.bootproxy.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What other modules add to the one HTTP server, wired by the composition root only, so that they need
 * not depend on this package (a Foreman smart-proxy module, for instance):
 *
 * @param modules            each adds its routes ({@code /features}, {@code /tftp/*}, …). They are
 *                           registered before bootproxy's own, so an exact path such as
 *                           {@code /unattended/templateServer} wins over {@code /unattended/{kind}}
 * @param unattendedFallback called instead of answering "not found" when {@code /unattended/*} or a
 *                           build report names no host bootproxy knows, or a host whose template is
 *                           missing here (e.g. to forward the request to Foreman). It answers the
 *                           request itself; what it throws is mapped like any other failure
 */
public record HttpExtensions(List<Consumer<RoutesConfig>> modules, Optional<Handler> unattendedFallback) {
    public static final HttpExtensions NONE = new HttpExtensions(List.of(), Optional.empty());

    public HttpExtensions {
        modules = modules == null ? List.of() : List.copyOf(modules);
        unattendedFallback = unattendedFallback == null ? Optional.empty() : unattendedFallback;
    }
}
