package org.bootproxy.support;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One HTTP route as declared to bootproxy's one route table ({@code http/HttpServer}): method, path, the boot-timeline
 * stage its answers are recorded under, how its failures are answered, and the handler.
 *
 * <p>A module that serves HTTP (the smart-proxy API, the ops routes) returns a list of these instead of registering
 * routes itself, so a route cannot exist without its stage and style. The handler type is a parameter: this package
 * stays JDK-only, and the HTTP side and the modules agree on the web framework's handler type between themselves.
 *
 * @param path    the path pattern as the HTTP side reads it: {@code /features}, {@code /tftp/{variant}/{mac}},
 *                {@code /pub/<path>} (a trailing {@code <…>} takes the rest of the path)
 * @param stage   the boot-timeline stage of its answers ({@code ipxe}, {@code built}, {@code pub}, …), or
 *                {@link #UNRECORDED} for routes that are not about a machine booting ({@code /metrics}, {@code /tftp/*});
 *                a handler may narrow it once it knows more ({@code /unattended/{kind}} becomes {@code provision})
 * @param style     how its failures are answered
 * @param admission whether it is answered within the HTTP side's bound on workers ({@link Admission#WORKER}, what
 *                  the factories give), or bounds its own work ({@link Admission#OWN})
 * @param <H>       the handler type
 */
public record Route<H>(Method method, String path, String stage, Style style, H handler, Admission admission) {
    /** The stage of routes whose answers are not boot events. */
    public static final String UNRECORDED = "";
    private static final Pattern STAGE = Pattern.compile("[a-z0-9_-]{0,40}");

    /** The methods bootproxy serves. */
    public enum Method { GET, HEAD, POST, PUT, DELETE }

    /** How failures are answered on a route. */
    public enum Style {
        /** iPXE runs the answer: wait-it-out failures become a 200 script that says why and asks again */
        IPXE,
        /** an installer or cloud-init reads it: real 4xx/5xx with a one-line text body */
        INSTALLER,
        /** built/failed reports: like INSTALLER (an installer's curl or wget reads the answer) */
        REPORT,
        /** anything else: plain one-line errors */
        PLAIN
    }

    /** How a route's work is bounded. */
    public enum Admission {
        /** a worker answers it, one of a bounded number: past the bound the request is refused at once */
        WORKER,
        /**
         * it bounds its own work and takes no worker's place: it answers at once (a health check), or waits for
         * the network without a thread (downloads, request bodies), or holds its connection open on purpose with a
         * bound of its own (a followed timeline)
         */
        OWN
    }

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(admission, "admission");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("route path '" + path + "' must start with /");
        }
        if (!STAGE.matcher(stage).matches()) {
            throw new IllegalArgumentException("route " + method + " " + path + ": stage '" + stage
                    + "' must be a short lower-case name (letters, digits, - and _) or Route.UNRECORDED");
        }
    }

    /** A route a worker answers ({@link Admission#WORKER}). */
    public Route(Method method, String path, String stage, Style style, H handler) {
        this(method, path, stage, style, handler, Admission.WORKER);
    }

    public static <H> Route<H> get(String path, String stage, Style style, H handler) {
        return new Route<>(Method.GET, path, stage, style, handler);
    }

    public static <H> Route<H> head(String path, String stage, Style style, H handler) {
        return new Route<>(Method.HEAD, path, stage, style, handler);
    }

    public static <H> Route<H> post(String path, String stage, Style style, H handler) {
        return new Route<>(Method.POST, path, stage, style, handler);
    }

    public static <H> Route<H> delete(String path, String stage, Style style, H handler) {
        return new Route<>(Method.DELETE, path, stage, style, handler);
    }

    /** The same route, bounding its own work ({@link Admission#OWN}). */
    public Route<H> ownBound() {
        return new Route<>(method, path, stage, style, handler, Admission.OWN);
    }

    /** The same route with another handler (the HTTP side wraps handlers, e.g. in admission control). */
    public <G> Route<G> withHandler(G newHandler) {
        return new Route<>(method, path, stage, style, newHandler, admission);
    }

    /** {@code GET /features}: how the route is named in messages. */
    @Override
    public String toString() {
        return method + " " + path + " (stage " + (stage.isEmpty() ? "-" : stage) + ", " + style
                + (admission == Admission.OWN ? ", own bound" : "") + ")";
    }
}
