package org.bootproxy.http;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.BadRequest;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.NotInBuild;
import org.bootproxy.boot.StateNotRecorded;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.TemplateNotFound;
import org.bootproxy.boot.TokenExpired;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.support.Causes;
import org.bootproxy.support.OnFatalError;
import org.bootproxy.support.Route.Style;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP answers, by what the client is (the route's {@link Style}):
 *
 * <pre>
 *                      iPXE                     installer / cloud-init       built, failed      other (PLAIN)
 * HostNotFound         404 (next NIC)           404 one line                 404                404
 * TokenExpired         401 (next NIC)           401 (Foreman)                –                  401
 * NotInBuild           –                        405 (Foreman)                405 (Foreman)      405
 * TemplateNotFound     200 retry script         404                          404                404
 * TemplateFailed       200 retry script         500 naming template/line     500                500
 * UpstreamUnavailable  200 retry script         503 + Retry-After            503 + Retry-After  503 + Retry-After
 * StateNotRecorded     200 retry script         503 + Retry-After            503 + Retry-After  503 + Retry-After
 *   (disk full)
 * Busy (over a bound)  200 retry script         503 + Retry-After            503 + Retry-After  503 + Retry-After
 * BodyRefused          413 too large, 408 too slow, 400 broken framing; Connection: close
 * BadRequest           400                      400 listing allowed kinds    400                400
 * unparsable mac=      404 (next NIC)           400                          400                400
 * Jetty's HTTP errors  its 4xx (a broken chunk read by a handler: 400)
 * anything else (bug)  200 retry script         500 "internal error"         500                500
 * the client hung up   no answer (nobody to read it); the request log says "aborted" and why
 * </pre>
 *
 * Bodies are one line of text; a stack trace only ever goes to the log, and only for bugs.
 */
final class ErrorMapper {
    private static final Logger log = LoggerFactory.getLogger(ErrorMapper.class);

    private final int retrySeconds;
    private final OnFatalError onFatal;

    ErrorMapper(int retrySeconds, OnFatalError onFatal) {
        this.retrySeconds = retrySeconds;
        this.onFatal = onFatal;
    }

    /**
     * Answers {@code e}, and never throws: Javalin hands an exception thrown here to its own error handling, which on
     * a request Jetty has already recycled (an asynchronous answer finishing while bootproxy stops) throws again and
     * hands it back here, in a loop without end on that thread.
     */
    void map(Exception e, Context ctx) {
        // an Error that reached here wrapped (a future's CompletionException) is as fatal as one thrown directly
        OnFatalError.in(e).ifPresent(error -> onFatal.fatal("HTTP handler", error));
        try {
            mapOrThrow(e, ctx);
        } catch (RuntimeException failed) {
            log.error("could not answer a request that failed with {}", Text.oneLine(e.toString(), 300), failed);
            try {
                Text.answer(ctx, 500, "internal error (see the bootproxy log)");
            } catch (RuntimeException gone) {
                // the request is gone: nobody is left to answer
            }
        }
    }

    private void mapOrThrow(Exception e, Context ctx) {
        Exchange ex = Exchange.of(ctx);
        if (e instanceof Text.ClientGone) {
            gone(ex);
            return;
        }
        try {
            answer(e, ctx, ex);
        } catch (Text.ClientGone writing) {
            // answering the failure failed the same way: nobody is left to tell, and Javalin must not try again
            gone(ex);
        }
    }

    /**
     * The client hung up before its answer was written (iPXE or an installer gave up, curl was stopped): the request
     * log says so and that is all; it is no bug of bootproxy's, and no other answer can reach the client.
     */
    private static void gone(Exchange ex) {
        String before = ex.failure().isEmpty() ? "" : " (" + ex.failure() + ")";
        ex.failure("the client closed the connection before the answer was sent" + before);
        ex.result("aborted", "");
    }

    private void answer(Exception e, Context ctx, Exchange ex) {
        String reason = Text.oneLine(e.getMessage(), 1000);
        ex.failure(reason);
        if (e instanceof TemplateFailed tf) {
            ex.detail(tf.template());
        }
        boolean ipxe = ex.style() == Style.IPXE;
        ex.result(result(e, ipxe), e instanceof TemplateFailed ? "template" : "");
        if (e instanceof HostNotFound) {
            Text.answer(ctx, 404, ipxe ? reason : notFound(ex) + ": " + reason);
        } else if (e instanceof TokenExpired) {
            Text.answer(ctx, 401, reason);
        } else if (e instanceof UnparsableMac) {
            Text.answer(ctx, ipxe ? 404 : 400, reason);
        } else if (e instanceof BadRequest) {
            Text.answer(ctx, 400, reason);
        } else if (e instanceof NotInBuild) {
            Text.answer(ctx, 405, reason);
        } else if (e instanceof Busy) {
            ex.refused(true);
            if (ipxe) {
                retryScript(ctx, reason);
            } else {
                ctx.header("Retry-After", String.valueOf(retrySeconds));
                Text.answer(ctx, 503, reason + " (retry in " + retrySeconds + " s)");
            }
        } else if (e instanceof BodyRefused refused) {
            ctx.header("Connection", "close");
            Text.answer(ctx, refused.status(), reason);
        } else if (ipxe && (e instanceof UpstreamUnavailable || e instanceof TemplateFailed
                || e instanceof TemplateNotFound || e instanceof StateNotRecorded)) {
            retryScript(ctx, waitItOut(e, reason));
        } else if (e instanceof UpstreamUnavailable || e instanceof StateNotRecorded) {
            ctx.header("Retry-After", String.valueOf(retrySeconds));
            Text.answer(ctx, 503, waitItOut(e, reason) + " (retry in " + retrySeconds + " s)");
        } else if (e instanceof TemplateFailed) {
            Text.answer(ctx, 500, waitItOut(e, reason));
        } else if (e instanceof TemplateNotFound) {
            Text.answer(ctx, 404, reason);
        } else if (e instanceof HttpResponseException hre) {
            Text.answer(ctx, hre.getStatus(), httpMessage(hre, ctx));
        } else if (jettyRefusal(e).isPresent()) {
            // a handler reading a body itself (the smart-proxy forms) met broken framing or too slow a client
            HttpException refusal = jettyRefusal(e).get();
            ctx.header("Connection", "close");
            Text.answer(ctx, refusal.getCode(), "the request could not be read: " + Text.oneLine(refusal.getReason(), 200));
        } else {
            String id = Long.toString(System.nanoTime() & 0xffffffL, 36);
            log.error("internal error {} answering {} {}", id, ctx.method(), ctx.path(), e);
            ex.failure("internal error " + id + ": " + reason);
            ex.result("error", "internal");
            if (ipxe) {
                retryScript(ctx, "internal error " + id + " (see the bootproxy log)");
            } else {
                Text.answer(ctx, 500, "internal error " + id + " (see the bootproxy log)");
            }
        }
    }

    /** Foreman's words for "no such host": the unattended controller's, or the userdata controller's. */
    private static String notFound(Exchange ex) {
        return ex.stage().equals("userdata") ? "Could not find host for request " + ex.clientIp()
                : "unattended: unable to find a host that matches the request from " + ex.clientIp();
    }

    /** Jetty's verdict on the request (a 4xx it found while the handler read the body), somewhere in the causes. */
    private static Optional<HttpException> jettyRefusal(Throwable e) {
        return Causes.first(e, HttpException.class, h -> h.getCode() >= 400 && h.getCode() < 500);
    }

    /**
     * What the answer amounts to, for the metrics: a template that failed to render is an {@code error} even when iPXE
     * gets a retry script for it; the other wait-it-out failures are a {@code retry} for iPXE.
     */
    private static String result(Exception e, boolean ipxe) {
        if (e instanceof TemplateFailed) {
            return "error";
        }
        if (e instanceof HostNotFound || e instanceof UnparsableMac && ipxe) {
            return "not_found";
        }
        if (e instanceof UnparsableMac || e instanceof BadRequest || e instanceof BodyRefused || jettyRefusal(e).isPresent()) {
            return "bad_request";
        }
        if (e instanceof NotInBuild || e instanceof TokenExpired) {
            return "refused";
        }
        if (e instanceof UpstreamUnavailable || e instanceof StateNotRecorded || e instanceof Busy) {
            return ipxe ? "retry" : "unavailable";
        }
        if (e instanceof TemplateNotFound) {
            return ipxe ? "retry" : "error";
        }
        return "";
    }

    /** The reason of a failure worth waiting out, saying which kind it is. */
    private static String waitItOut(Exception e, String reason) {
        if (e instanceof UpstreamUnavailable) {
            return "inventory unavailable: " + reason;
        }
        if (e instanceof StateNotRecorded) {
            // the reason names a file and an I/O error on this server: for its log (Exchange.failure), not the client
            return "build state not recorded: bootproxy could not write it (its log says why)";
        }
        if (e instanceof TemplateFailed tf) {
            // the renderer's message normally starts with the template name already
            return reason.startsWith(tf.template()) ? "template " + reason : "template " + tf.template() + " failed: " + reason;
        }
        return reason;
    }

    private void retryScript(Context ctx, String reason) {
        String path = ctx.path();
        String target = path.substring(path.lastIndexOf('/') + 1);
        List<Map.Entry<String, String>> query = new ArrayList<>();
        ctx.queryParamMap().forEach((k, vs) -> vs.forEach(v -> query.add(Map.entry(k, v))));
        Text.send(ctx, 200, Text.PLAIN, IpxeRetryScript.build(reason, retrySeconds, target, query));
    }

    private static String httpMessage(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> "not found: " + ctx.method() + " " + Text.oneLine(ctx.path(), 200) + " (bootproxy serves /unattended/<kind>, "
                    + "/userdata/<mac>/user-data, /pub/<file>, /httpboot/<file>, /EFI/<file>, /healthz; kinds: " + TemplateKind.allowedNames() + ")";
            case 413 -> "request body too large";
            default -> Text.oneLine(e.getMessage(), 200);
        };
    }
}
