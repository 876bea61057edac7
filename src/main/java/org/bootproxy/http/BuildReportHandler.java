package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.HostNotFound;

/**
 * {@code GET|POST /unattended/built} and {@code POST /unattended/failed}: the installer reports the end of
 * its run. The host is found like any unattended request (token, MACs, client IP; an expired token still finds it,
 * as Foreman's {@code for_token_when_built}). Answers follow Foreman: 201 when recorded, 405 when the host is not in
 * build, 404 for an unknown host.
 * A failure report (the POST body) is kept up to 64 KiB by {@link BootService}; a body over 1 MiB is
 * refused with 413 rather than read into memory.
 */
final class BuildReportHandler {
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final BootService boot;
    private final BootRequestReader reader;
    private final Fallback fallback;

    BuildReportHandler(BootService boot, BootRequestReader reader, Fallback fallback) {
        this.boot = boot;
        this.reader = reader;
        this.fallback = fallback;
    }

    void built(Context ctx) throws Exception {
        Exchange ex = Exchange.of(ctx).is("built", Exchange.Style.REPORT);
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

    void failed(Context ctx) throws Exception {
        Exchange ex = Exchange.of(ctx).is("failed", Exchange.Style.REPORT);
        if (fallback.answeredFirst(ctx, ex)) {
            return;
        }
        BootRequest request = reader.read(ctx, ex.clientIp(), Optional.empty());
        ex.mac(request.firstMac());
        Optional<byte[]> report = body(ctx);
        if (report.isEmpty()) {
            ex.failure("report over " + MAX_BODY_BYTES + " bytes refused");
            Text.answer(ctx, 413, "failure report too large: send at most " + MAX_BODY_BYTES
                    + " bytes (the first 64 KiB are kept)");
            return;
        }
        try {
            recorded(ctx, ex, boot.failed(request, new String(report.get(), StandardCharsets.UTF_8)));
        } catch (HostNotFound e) {
            // the body stream is spent: hand the report over as the fallback's contract says
            ctx.attribute(HttpExtensions.BODY_ATTRIBUTE, report.get());
            fallback.answerOrThrow(ctx, ex, e);
        }
    }

    /** {@code GET /unattended/failed}: Foreman takes the report only as a POST body. */
    void failedNeedsPost(Context ctx) {
        Exchange.of(ctx).is("failed", Exchange.Style.REPORT).failure("GET instead of POST");
        ctx.header("Allow", "POST");
        Text.answer(ctx, 405, "send the failure report with POST /unattended/failed (the body is the installer's log)");
    }

    private static void recorded(Context ctx, Exchange ex, BuildState state) {
        ex.host(state.hostName());
        ex.detail(state.status().name().toLowerCase(java.util.Locale.ROOT));
        Text.answer(ctx, 201, state.hostName() + " recorded as " + ex.detail());
    }

    /** The request body, or empty when it is larger than {@link #MAX_BODY_BYTES}. */
    private static Optional<byte[]> body(Context ctx) throws IOException {
        long declared = ctx.req().getContentLengthLong();
        if (declared > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 4096);
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BODY_BYTES) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(out.toByteArray());
    }
}
