package org.bootproxy.http;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.HostNotFound;

/**
 * {@code GET|POST /unattended/built} and {@code POST /unattended/failed}: the installer reports the end of
 * its run. The host is found like any unattended request (token, MACs, client IP; an expired token still finds it,
 * as Foreman's {@code for_token_when_built}). Answers follow Foreman: 201 when recorded, 405 when the host is not in
 * build, 404 for an unknown host.
 *
 * <p>A failure report (the POST body) is received by {@link BodyReader} without a worker waiting for it, and only
 * then recorded (or, when the fallback answers first, forwarded) by a worker ({@link HttpLimits#workers()}): the
 * first 64 KiB are kept, a body over 1 MiB is refused with 413 before it is read, one that takes too long with 408.
 */
final class BuildReportHandler {
    private final BootService boot;
    private final BootRequestReader reader;
    private final Fallback fallback;
    private final BodyReader bodies;
    private final Bound workers;

    BuildReportHandler(BootService boot, BootRequestReader reader, Fallback fallback, BodyReader bodies, Bound workers) {
        this.boot = boot;
        this.reader = reader;
        this.fallback = fallback;
        this.bodies = bodies;
        this.workers = workers;
    }

    void built(Context ctx) throws Exception {
        Exchange ex = Exchange.of(ctx);
        if (fallback.answeredFirst(ctx, ex)) {
            return;
        }
        BootRequest request = reader.read(ctx, ex.clientIp(), Optional.empty());
        ex.mac(request.firstMac());
        try {
            recorded(ctx, ex, boot.built(request));
        } catch (HostNotFound e) {
            fallback.answerOrThrow(ctx, ex, e);
        }
    }

    /** Receives the report, then records it on a worker. */
    void failed(Context ctx) {
        Exchange ex = Exchange.of(ctx);
        BootRequest request = reader.read(ctx, ex.clientIp(), Optional.empty());
        ex.mac(request.firstMac());
        ctx.future(() -> bodies.read(ctx).thenAccept(report -> {
            ex.resumeLogging();
            workers.enter();
            try {
                failed(ctx, ex, request, report.kept());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            } finally {
                workers.leave();
            }
        }));
    }

    private void failed(Context ctx, Exchange ex, BootRequest request, byte[] report) throws Exception {
        if (fallback.first()) {
            // the body was read within the limits above: the fallback gets it as its contract says
            ctx.attribute(HttpExtensions.BODY_ATTRIBUTE, report);
            fallback.answeredFirst(ctx, ex);
            return;
        }
        try {
            recorded(ctx, ex, boot.failed(request, new String(report, StandardCharsets.UTF_8)));
        } catch (HostNotFound e) {
            // the body stream is spent: hand the report over as the fallback's contract says
            ctx.attribute(HttpExtensions.BODY_ATTRIBUTE, report);
            fallback.answerOrThrow(ctx, ex, e);
        }
    }

    /** {@code GET /unattended/failed}: Foreman takes the report only as a POST body. */
    void failedNeedsPost(Context ctx) {
        Exchange.of(ctx).failure("GET instead of POST");
        ctx.header("Allow", "POST");
        Text.answer(ctx, 405, "send the failure report with POST /unattended/failed (the body is the installer's log)");
    }

    private static void recorded(Context ctx, Exchange ex, BuildState state) {
        ex.host(state.hostName());
        ex.detail(state.status().name().toLowerCase(Locale.ROOT));
        Text.answer(ctx, 201, state.hostName() + " recorded as " + ex.detail());
    }
}
