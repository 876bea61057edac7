package org.bootproxy.http;

import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers with a file that {@link AssetsHandler} found: single byte ranges (206, or 416 past the end),
 * {@code Last-Modified}, {@code If-Modified-Since} and {@code If-Range}, HEAD without a body.
 *
 * <p>The bytes are streamed from disk without a thread waiting on the client: the servlet container calls back
 * whenever the connection can take more ({@link WriteListener}), so a machine downloading a kernel at 100 kB/s
 * holds a connection, an open file and one buffer, not a worker. At most {@link HttpLimits#downloads()} files
 * are streamed at once; past that the answer is a 503 with Retry-After. A client that stops reading is dropped by
 * the connection's idle timeout.
 */
final class FileSender {
    private static final Logger log = LoggerFactory.getLogger(FileSender.class);
    private static final int CHUNK = 32 * 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("txt", Text.PLAIN), Map.entry("cfg", Text.PLAIN), Map.entry("conf", Text.PLAIN),
            Map.entry("ipxe", Text.PLAIN), Map.entry("ks", Text.PLAIN), Map.entry("seed", Text.PLAIN),
            Map.entry("sh", Text.PLAIN), Map.entry("yaml", Text.PLAIN), Map.entry("yml", Text.PLAIN),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("iso", "application/x-iso9660-image"), Map.entry("gz", "application/gzip"),
            Map.entry("xz", "application/x-xz"), Map.entry("tar", "application/x-tar"));

    private final Bound downloads;

    FileSender(Bound downloads) {
        this.downloads = downloads;
    }

    /**
     * Answers {@code ctx} with {@code file} (a regular file, already confined to its root).
     *
     * @throws Busy when {@link HttpLimits#downloads()} files are being sent already (before any header is set)
     */
    void send(Context ctx, Exchange ex, Path file, boolean withBody) throws IOException {
        if (withBody) {
            downloads.enter();
        }
        FileChannel channel = null;
        boolean streaming = false;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            long size = channel.size();
            Instant modified = Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.SECONDS);
            String lastModified = HTTP_DATE.format(modified.atZone(ZoneOffset.UTC));
            ctx.header("Accept-Ranges", "bytes");
            ctx.header("Last-Modified", lastModified);
            if (notModifiedSince(ctx.header("If-Modified-Since"), modified) && ctx.header("Range") == null) {
                ctx.status(304);
                return;
            }
            String ifRange = ctx.header("If-Range");
            ByteRange.Request wanted = ifRange != null && !ifRange.trim().equals(lastModified)
                    ? new ByteRange.Whole() : ByteRange.of(ctx.header("Range"), size);
            long first = 0;
            long length = size;
            if (wanted instanceof ByteRange.Unsatisfiable) {
                ctx.header("Content-Range", "bytes */" + size);
                AssetsHandler.refuse(ctx, ex, 416, "range not satisfiable: the file has " + size + " bytes");
                return;
            } else if (wanted instanceof ByteRange.Part part) {
                first = part.range().first();
                length = part.range().length();
                ctx.status(206).header("Content-Range", part.range().contentRange(size));
            } else {
                ctx.status(200);
            }
            String type = contentType(file);
            if (!type.startsWith("text/")) {
                ctx.res().setCharacterEncoding(null); // Javalin preset UTF-8; a kernel has no charset
            }
            ctx.res().setContentType(type);
            ctx.res().setContentLengthLong(length);
            if (!withBody || length == 0) {
                return;
            }
            Stream stream = new Stream(ctx, ex, file, channel, first, length);
            ctx.future(stream::start);
            streaming = true;
        } finally {
            if (!streaming) {
                close(channel);
                if (withBody) {
                    downloads.leave();
                }
            }
        }
    }

    /** One file going out: written whenever the connection can take more, until done or the client is gone. */
    private final class Stream implements WriteListener {
        private final Context ctx;
        private final Exchange ex;
        private final Path file;
        private final FileChannel channel;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        private ServletOutputStream out;
        private long position;
        private long remaining;

        Stream(Context ctx, Exchange ex, Path file, FileChannel channel, long first, long length) {
            this.ctx = ctx;
            this.ex = ex;
            this.file = file;
            this.channel = channel;
            this.position = first;
            this.remaining = length;
            done.whenComplete((ok, failure) -> {
                close(channel);
                downloads.leave();
            });
        }

        /** Called by the HTTP side once the request is asynchronous. */
        CompletableFuture<Void> start() {
            try {
                out = ctx.res().getOutputStream();
                out.setWriteListener(this);
            } catch (IOException | RuntimeException e) {
                onError(e);
            }
            return done;
        }

        @Override
        public void onWritePossible() throws IOException {
            while (!done.isDone() && out.isReady()) {
                if (remaining == 0) {
                    done.complete(null);
                    return;
                }
                buffer.clear().limit((int) Math.min(CHUNK, remaining));
                int n = channel.read(buffer, position);
                if (n < 0) {
                    throw new IOException(file + " shrank while it was being sent");
                }
                out.write(buffer.array(), 0, n);
                position += n;
                remaining -= n;
            }
        }

        @Override
        public void onError(Throwable t) {
            // the client hung up or stopped reading (iPXE cancelled, the idle timeout): nothing left to answer
            String why = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            ex.failure("transfer ended early with " + remaining + " bytes unsent: " + Text.oneLine(why, 200));
            log.debug("sending {} ended early", file, t);
            done.complete(null);
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                log.debug("closing a served file failed", e);
            }
        }
    }

    private static boolean notModifiedSince(String header, Instant modified) {
        if (header == null) {
            return false;
        }
        try {
            return !modified.isAfter(ZonedDateTime.parse(header.trim(), HTTP_DATE).toInstant());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
