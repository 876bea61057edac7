package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|HEAD /pub/<path>}: files from the assets directory (kernels, initrds, ISOs), and
 * {@code GET|HEAD /httpboot/<path>}: the TFTP root for UEFI HTTP boot; streamed from disk, never loaded whole. Single byte ranges are honoured (206, or 416 past the end), with
 * {@code Last-Modified}, {@code If-Modified-Since} and {@code If-Range}.
 *
 * <p>Every path is checked twice (DESIGN rule 9): its decoded segments may not be {@code .}, {@code ..}
 * or hide a separator, and the file's real path (all symlinks followed) must still lie under the real
 * directory served. Hidden files (a segment starting with a dot: lock and part files too) and directories
 * are not served.
 */
final class AssetsHandler {
    private static final Logger log = LoggerFactory.getLogger(AssetsHandler.class);
    private static final int CHUNK = 64 * 1024;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("txt", Text.PLAIN), Map.entry("cfg", Text.PLAIN), Map.entry("conf", Text.PLAIN),
            Map.entry("ipxe", Text.PLAIN), Map.entry("ks", Text.PLAIN), Map.entry("seed", Text.PLAIN),
            Map.entry("sh", Text.PLAIN), Map.entry("yaml", Text.PLAIN), Map.entry("yml", Text.PLAIN),
            Map.entry("json", "application/json"), Map.entry("xml", "application/xml"),
            Map.entry("iso", "application/x-iso9660-image"), Map.entry("gz", "application/gzip"),
            Map.entry("xz", "application/x-xz"), Map.entry("tar", "application/x-tar"));

    /** The URL prefix, e.g. {@code /pub/}. */
    private final String prefix;
    /** The boot-timeline stage, e.g. {@code pub}. */
    private final String stage;
    /** What the directory is called in answers, e.g. "assets directory". */
    private final String what;
    /** The directory as configured, or empty when none is; its real path is looked up for each request, so a
     * directory that appears after start (a TFTP root filled later) is served without a restart. */
    private final Optional<Path> root;

    AssetsHandler(String prefix, String stage, String what, Optional<Path> root) {
        this.prefix = prefix;
        this.stage = stage;
        this.what = what;
        this.root = root;
    }

    /** {@code /pub/}: the assets directory. */
    static AssetsHandler pub(Optional<Path> assets) {
        return new AssetsHandler("/pub/", "pub", "assets directory", assets);
    }

    /** {@code /httpboot/}: the TFTP root, as smart-proxy's httpboot module serves it. */
    static AssetsHandler httpboot(Optional<Path> tftpRoot) {
        return new AssetsHandler("/httpboot/", "httpboot", "TFTP root", tftpRoot);
    }

    void get(Context ctx) {
        serve(ctx, true);
    }

    void head(Context ctx) {
        serve(ctx, false);
    }

    private void serve(Context ctx, boolean withBody) {
        Exchange ex = Exchange.of(ctx).is(stage, Exchange.Style.PLAIN);
        String raw = ctx.req().getRequestURI();
        String rel = raw.startsWith(prefix) ? raw.substring(prefix.length()) : "";
        ex.detail(Text.oneLine(rel, 200));
        if (root.isEmpty()) {
            refuse(ctx, ex, 404, "no " + what + " is configured, so " + prefix + " serves nothing");
            return;
        }
        Optional<List<String>> segments = segments(rel);
        if (segments.isEmpty()) {
            refuse(ctx, ex, 403, "refused: the path leaves the " + what + " or hides a separator");
            return;
        }
        if (segments.get().stream().anyMatch(s -> s.startsWith("."))) {
            refuse(ctx, ex, 404, "not found: hidden files are not served");
            return;
        }
        Path base;
        try {
            base = root.get().toRealPath();
        } catch (IOException e) {
            refuse(ctx, ex, 404, "not found: the " + what + " " + root.get() + " does not exist (yet)");
            return;
        }
        Path file = base.resolve(String.join("/", segments.get())).normalize();
        if (!file.startsWith(base)) {
            refuse(ctx, ex, 403, "refused: the path leaves the " + what);
            return;
        }
        if (!Files.exists(file)) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200) + " is not in the " + what);
            return;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200));
            return;
        }
        if (!real.startsWith(base)) {
            refuse(ctx, ex, 403, "refused: " + Text.oneLine(rel, 200) + " is a symlink leading outside the " + what);
            return;
        }
        if (!Files.isRegularFile(real)) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200) + " is a directory (no listings)");
            return;
        }
        try {
            send(ctx, ex, real, withBody);
        } catch (IOException e) {
            // the client hung up (iPXE cancelled, installer timed out): nothing left to answer
            ex.failure("transfer ended early: " + e.getMessage());
            log.debug("sending {} ended early", real, e);
        }
    }

    private static void send(Context ctx, Exchange ex, Path file, boolean withBody) throws IOException {
        long size = Files.size(file);
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
            refuse(ctx, ex, 416, "range not satisfiable: the file has " + size + " bytes");
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
        if (!withBody) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = ctx.res().getOutputStream();
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            long position = first;
            long remaining = length;
            while (remaining > 0) {
                buf.clear().limit((int) Math.min(CHUNK, remaining));
                int n = channel.read(buf, position);
                if (n < 0) {
                    throw new IOException(file + " shrank while it was being sent");
                }
                out.write(buf.array(), 0, n);
                position += n;
                remaining -= n;
            }
            out.flush();
        }
    }

    private static void refuse(Context ctx, Exchange ex, int status, String message) {
        ex.failure(message);
        Text.answer(ctx, status, message);
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

    /**
     * The decoded path segments of the part of the raw URI after {@code /pub/}; empty when a segment is
     * {@code .} or {@code ..}, or decodes to something holding a separator or NUL, or is not valid
     * percent-encoding.
     */
    static Optional<List<String>> segments(String rawRelative) {
        List<String> out = new ArrayList<>();
        for (String s : rawRelative.split("/")) {
            if (s.isEmpty()) {
                continue;
            }
            Optional<String> decoded = percentDecode(s);
            if (decoded.isEmpty()) {
                return Optional.empty();
            }
            String d = decoded.get();
            if (d.equals(".") || d.equals("..") || d.indexOf('/') >= 0 || d.indexOf('\\') >= 0 || d.indexOf('\0') >= 0) {
                return Optional.empty();
            }
            out.add(d);
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    /** Strict RFC 3986 percent-decoding as UTF-8 ({@code +} stays a plus); empty on a malformed escape. */
    static Optional<String> percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
            }
        }
        return Optional.of(bytes.toString(StandardCharsets.UTF_8));
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
