package org.bootproxy.smartproxy;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import org.bootproxy.boot.BadRequest;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.support.PercentDecoding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards an {@code /unattended/…} or {@code /userdata/…} request bootproxy cannot answer itself to Foreman,
 * the way smart-proxy's templates module does: same path, the client's parameters plus
 * {@code url=<template_url>} (so Foreman writes bootproxy's URL into what it renders), the client's headers
 * ({@code X-RHN-Provisioning-MAC-N} among them) and {@code X-Forwarded-For: <client IP>} (Foreman believes
 * it only from its {@code trusted_proxies}).
 *
 * <p>Unlike smart-proxy, Foreman's status, content type and body come back unchanged: the status is what
 * moves iPXE's intermediate script on to the next NIC, and the body (an {@code #!ipxe echo …} script, a
 * one-line reason) is what the operator at the console reads. When Foreman does not answer at all, this
 * throws {@link UpstreamUnavailable}, answered as bootproxy answers any upstream outage (a retry script for
 * iPXE, 503 with Retry-After for installers).
 *
 * <p>A forwarded request waits for Foreman without holding an HTTP worker (the answer arrives asynchronously), and
 * at most {@code maxForwards} wait at once, each at most {@code answerTimeout}: past either bound the client gets
 * the same wait-it-out answer at once, so a hanging Foreman can neither pile up requests nor starve bootproxy's own.
 */
final class ForemanForwarder implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(ForemanForwarder.class);
    /** Hop-by-hop headers, ones the HTTP client sets itself, and ones rewritten here. */
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect", "upgrade",
            "keep-alive", "te", "trailer", "transfer-encoding", "proxy-connection", "proxy-authorization",
            "http2-settings", "accept-encoding", "content-type", "x-forwarded-for", "version");
    /** smart-proxy's list of parameters that are its own route's, plus {@code url}, which is set here. */
    private static final Set<String> NOT_FORWARDED_PARAMS = Set.of("path", "template", "kind", "hostgroup", "splat",
            "captures", "url");
    /** The request attribute in which bootproxy's HTTP side hands over a body it has already read. */
    static final String READ_BODY = "org.bootproxy.http.body";
    /** The request attribute in which bootproxy's HTTP side hands over the client's address (X-Forwarded-For read). */
    static final String CLIENT_IP = "org.bootproxy.http.client-ip";
    private static final java.util.regex.Pattern RHN_MAC = java.util.regex.Pattern.compile("(?i)x-rhn-provisioning-mac-\\d+");

    private final String foreman;
    private final URI templateUrl;
    private final HttpClient client;
    private final Duration answerTimeout;
    private final int maxForwards;
    private final Semaphore waiting;
    private final TrustedProxiesHint hint;

    /**
     * @param client        with its own bounded executor: the answers are handled there
     * @param answerTimeout how long Foreman may take to answer one request
     * @param maxForwards   how many forwarded requests may wait for Foreman at once
     */
    ForemanForwarder(URI foremanUrl, URI templateUrl, HttpClient client, Duration answerTimeout, int maxForwards) {
        String f = foremanUrl.toString();
        this.foreman = f.endsWith("/") ? f.substring(0, f.length() - 1) : f;
        this.templateUrl = templateUrl;
        this.client = client;
        this.answerTimeout = answerTimeout;
        this.maxForwards = maxForwards;
        this.waiting = new Semaphore(maxForwards);
        this.hint = new TrustedProxiesHint(foreman, java.time.Clock.systemUTC(), Duration.ofMinutes(10));
    }

    @Override
    public void handle(Context ctx) {
        String path = ctx.req().getRequestURI();
        checkPath(path);
        String query = query(ctx.queryString(), templateUrl);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(foreman + uriSafe(path) + "?" + uriSafe(query)))
                .timeout(answerTimeout);
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                Collections.list(ctx.req().getHeaders(name)).forEach(value -> request.header(name, value));
            }
        }
        // the client as bootproxy determined it (behind a trusted proxy: what that proxy said), else the socket's peer
        String client = ctx.attribute(CLIENT_IP) instanceof String ip && !ip.isEmpty() ? ip : ctx.req().getRemoteAddr();
        request.header("X-Forwarded-For", client);
        boolean post = ctx.method() == HandlerType.POST;
        if (post) {
            byte[] body = ctx.attribute(READ_BODY) instanceof byte[] read ? read : ctx.bodyAsBytes();
            request.header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            request.GET();
        }
        HttpRequest forwarded = request.build();
        String method = post ? "POST" : "GET";
        boolean byAddressOnly = byAddressOnly(ctx);
        // the place is taken when the request leaves, and given back when Foreman answers or the timeout ends it
        ctx.future(() -> {
            if (!waiting.tryAcquire()) {
                return CompletableFuture.failedFuture(new UpstreamUnavailable("Foreman at " + foreman + " is slow: "
                        + maxForwards + " forwarded requests are waiting for it already"));
            }
            long started = System.nanoTime();
            ExchangeEnd end = ExchangeEnd.of(ctx.req().getAsyncContext());
            CompletableFuture<Void> answered = new CompletableFuture<>();
            CompletableFuture<HttpResponse<byte[]>> sent = this.client.sendAsync(forwarded,
                    HttpResponse.BodyHandlers.ofByteArray());
            answered.whenComplete((done, failure) -> sent.cancel(true)); // Javalin's timeout: stop waiting for Foreman
            sent.whenComplete((answer, failure) -> {
                waiting.release();
                if (end.ended()) {
                    // Jetty has recycled the request (bootproxy stopping): touching it, or completing the future
                    // Javalin waits on, would throw in every step of Javalin's error handling, without end
                    LOG.info("dropped Foreman's answer to {} {} for {}: the request had ended ({}) before it came",
                            method, path, client, end.why());
                    return;
                }
                try {
                    if (failure != null) {
                        throw unavailable(method, path, failure);
                    }
                    ctx.status(answer.statusCode());
                    answer.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
                    answer.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
                    ctx.result(answer.body());
                    LOG.info("forwarded {} {} for {} to Foreman: {} ({} bytes, {} ms)", method, path, client,
                            answer.statusCode(), answer.body().length, (System.nanoTime() - started) / 1_000_000);
                    hint.advice(client, byAddressOnly, answer.statusCode(), answer.body()).ifPresent(LOG::warn);
                    answered.complete(null);
                } catch (RuntimeException e) {
                    answered.completeExceptionally(e);
                }
            });
            return answered;
        });
    }

    private CompletionException unavailable(String method, String path, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (!(cause instanceof IOException)) {
            return failure instanceof CompletionException c ? c : new CompletionException(cause);
        }
        String why = cause.getMessage() == null || cause.getMessage().isBlank()
                ? cause.getClass().getSimpleName() : cause.getMessage();
        LOG.warn("Foreman at {} did not answer {} {}: {}", foreman, method, path, why);
        return new CompletionException(new UpstreamUnavailable("Foreman at " + foreman + " did not answer: " + why, cause));
    }

    /** Whether Foreman can only look the client up by its address: no mac, no token, no anaconda MAC headers. */
    private static boolean byAddressOnly(Context ctx) {
        if (ctx.queryParam("mac") != null || ctx.queryParam("token") != null || ctx.path().matches("/userdata/[^/]+/.+")) {
            return false;
        }
        return Collections.list(ctx.req().getHeaderNames()).stream().noneMatch(h -> RHN_MAC.matcher(h).matches());
    }

    /**
     * Only unattended and userdata paths, and none that climbs out of them once decoded. An escaped slash inside
     * a segment stays escaped (a nested hostgroup such as {@code Base%2FWeb} is one segment to Foreman too).
     */
    private static void checkPath(String rawPath) {
        if (!rawPath.startsWith("/unattended/") && !rawPath.startsWith("/userdata/")) {
            throw new BadRequest("only /unattended/ and /userdata/ requests are forwarded to Foreman");
        }
        for (String segment : rawPath.split("/")) {
            String s = PercentDecoding.decode(segment)
                    .orElseThrow(() -> new BadRequest("not forwarded: the path has a malformed %-escape"));
            if (s.equals(".") || s.equals("..")) {
                throw new BadRequest("not forwarded: the path has a '" + s + "' segment");
            }
        }
    }

    /** {@code s} with every character a URI may not hold percent-encoded (as UTF-8); escapes already there kept. */
    static String uriSafe(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean allowed = c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?@!$&'()*+,;=%".indexOf(c) >= 0);
            if (allowed) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /**
     * The client's query (as sent, so iPXE's {@code ${…}}-expanded values pass unchanged) without smart-proxy's
     * route parameters and any {@code url}, then {@code url=<template_url>}.
     */
    static String query(String raw, URI templateUrl) {
        StringJoiner q = new StringJoiner("&");
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String key = pair.split("=", 2)[0];
                String decoded = PercentDecoding.decode(key).orElse(key);
                if (!pair.isEmpty() && !NOT_FORWARDED_PARAMS.contains(decoded)) {
                    q.add(pair);
                }
            }
        }
        q.add("url=" + URLEncoder.encode(templateUrl.toString(), StandardCharsets.UTF_8));
        return q.toString();
    }
}
