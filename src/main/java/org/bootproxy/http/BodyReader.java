package org.bootproxy.http;

import io.javalin.http.Context;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpException;

/**
 * Reads a request body without a thread waiting for it: the servlet container calls back as bytes arrive
 * ({@link ReadListener}), so a client sending a few bytes a second costs a connection, not a worker. Bounded
 * every way a client could stretch it:
 *
 * <ul>
 *   <li>a declared {@code Content-Length} over {@link HttpLimits#maxBodyBytes()}: 413 before a byte is read;</li>
 *   <li>more bytes than that arriving anyway (chunked): 413 as soon as they do;</li>
 *   <li>only the first {@link HttpLimits#keptBodyBytes()} are kept in memory, the rest is counted and dropped;</li>
 *   <li>a body not complete within {@link HttpLimits#bodyDeadline()} of the handler asking for it: 408;</li>
 *   <li>at most {@link HttpLimits#bodies()} bodies are read at once; past that the request is {@link Busy};</li>
 *   <li>a body that is not valid HTTP framing (a broken chunk): 400.</li>
 * </ul>
 *
 * Refusals are {@link BodyRefused}, answered with {@code Connection: close}.
 */
final class BodyReader {
    private static final int READ_CHUNK = 8192;

    /**
     * @param kept   the first bytes of the body, at most {@link HttpLimits#keptBodyBytes()}
     * @param length how many bytes the body had
     */
    record Body(byte[] kept, long length) {
        boolean truncated() {
            return kept.length < length;
        }
    }

    private final Bound reads;
    private final long maxBytes;
    private final int keepBytes;
    private final Duration deadline;
    private final ScheduledExecutorService timer;

    BodyReader(HttpLimits limits, ScheduledExecutorService timer) {
        this.reads = new Bound("request bodies being received", limits.bodies());
        this.maxBytes = limits.maxBodyBytes();
        this.keepBytes = limits.keptBodyBytes();
        this.deadline = limits.bodyDeadline();
        this.timer = timer;
    }

    /**
     * Starts reading the body of {@code ctx}; call from inside {@code ctx.future(…)} (the request must be
     * asynchronous before a read listener may be set).
     *
     * @throws BodyRefused when the declared length is over the bound
     * @throws Busy        when too many bodies are being read already
     */
    CompletableFuture<Body> read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        reads.enter();
        CompletableFuture<Body> done = new CompletableFuture<>();
        try {
            ScheduledFuture<?> timeout = timer.schedule(() -> done.completeExceptionally(new BodyRefused(408,
                    "request body not received within " + deadline.toSeconds() + " s: send it at network speed")),
                    deadline.toMillis(), TimeUnit.MILLISECONDS);
            done.whenComplete((body, failure) -> {
                timeout.cancel(false);
                reads.leave();
            });
            ServletInputStream in = ctx.req().getInputStream();
            in.setReadListener(new Listener(in, done, declared));
        } catch (IOException | RuntimeException e) {
            done.completeExceptionally(e);
        }
        return done;
    }

    private BodyRefused tooLarge() {
        return new BodyRefused(413, "request body too large: send at most " + maxBytes + " bytes (the first "
                + keepBytes / 1024 + " KiB are kept)");
    }

    private final class Listener implements ReadListener {
        private final ServletInputStream in;
        private final CompletableFuture<Body> done;
        private final ByteArrayOutputStream kept;
        private final byte[] buffer = new byte[READ_CHUNK];
        private long length;

        Listener(ServletInputStream in, CompletableFuture<Body> done, long declared) {
            this.in = in;
            this.done = done;
            // grown as bytes arrive: a declared length is a claim, not a reason to reserve memory
            this.kept = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), READ_CHUNK));
        }

        @Override
        public void onDataAvailable() throws IOException {
            while (!done.isDone() && in.isReady()) {
                int n = in.read(buffer);
                if (n < 0) {
                    return; // onAllDataRead follows
                }
                length += n;
                if (length > maxBytes) {
                    done.completeExceptionally(tooLarge());
                    return;
                }
                int keep = (int) Math.min(n, keepBytes - kept.size());
                if (keep > 0) {
                    kept.write(buffer, 0, keep);
                }
            }
        }

        @Override
        public void onAllDataRead() {
            done.complete(new Body(kept.toByteArray(), length));
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(new BodyRefused(400, "the request body could not be read: " + describe(t)));
        }
    }

    /** A one-line reason: Jetty's verdict on the framing ("Bad chunking") when it gave one, else the first message. */
    private static String describe(Throwable t) {
        String first = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof HttpException h && h.getReason() != null) {
                return Text.oneLine(h.getReason(), 200);
            }
            if (first == null && c.getMessage() != null && !c.getMessage().isBlank()) {
                first = c.getMessage();
            }
        }
        return Text.oneLine(first == null ? t.getClass().getSimpleName() : first, 200);
    }
}
