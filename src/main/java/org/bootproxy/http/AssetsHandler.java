package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
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
import java.util.Optional;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.RootName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET|HEAD /pub/<path>}: files from the assets directory (kernels, initrds, ISOs), and
 * {@code GET|HEAD /httpboot/<path>}: the TFTP root for UEFI HTTP boot; streamed from disk, never loaded whole. Single byte ranges are honoured (206, or 416 past the end), with
 * {@code Last-Modified}, {@code If-Modified-Since} and {@code If-Range}.
 *
 * <p>What a path may name is {@link RootName#ofUriPath} and {@link ConfinedRoot}, the rules TFTP follows
 * too: no {@code ..}, no hidden separator or control character, nothing that leads out of the directory
 * (checked after normalisation and after symlinks), no hidden files (dot-files, files being written), no
 * directories.
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

    /**
     * Answers a request for a name that is no file in the directory (rendered GRUB configs under /httpboot/);
     * returns false to leave the 404 to the handler.
     */
    interface Missing {
        Missing NONE = (ctx, ex, name, withBody) -> false;

        boolean answer(Context ctx, Exchange ex, RootName name, boolean withBody) throws IOException;
    }

    /** The URL prefix, e.g. {@code /pub/}. */
    private final String prefix;
    /** The boot-timeline stage, e.g. {@code pub}. */
    private final String stage;
    /** What the directory is called in answers, e.g. "assets directory". */
    private final String what;
    /** The directory, or empty when none is configured. */
    private final Optional<ConfinedRoot> root;
    private final Missing missing;

    AssetsHandler(String prefix, String stage, String what, Optional<Path> root, Missing missing) {
        this.prefix = prefix;
        this.stage = stage;
        this.what = what;
        this.root = root.map(dir -> new ConfinedRoot(dir, what));
        this.missing = missing;
    }

    /** {@code /pub/}: the assets directory. */
    static AssetsHandler pub(Optional<Path> assets) {
        return new AssetsHandler("/pub/", "pub", "assets directory", assets, Missing.NONE);
    }

    /**
     * {@code prefix} ({@code /httpboot/}, {@code /EFI/}, …): the TFTP root, as smart-proxy's httpboot module serves it;
     * {@code missing} answers names that are no file there.
     */
    static AssetsHandler tftpRoot(String prefix, Optional<Path> tftpRoot, Missing missing) {
        return new AssetsHandler(prefix, "httpboot", "TFTP root", tftpRoot, missing);
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
        RootName name;
        try {
            name = RootName.ofUriPath(rel);
        } catch (RootName.BadName e) {
            refuse(ctx, ex, 403, "refused: " + e.getMessage());
            return;
        }
        try {
            ConfinedRoot.Lookup lookup = root.get().lookup(name);
            if (lookup instanceof ConfinedRoot.Missing m
                    && (name.isEmpty() || name.hidden() || !missing.answer(ctx, ex, name, withBody))) {
                refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200) + " (" + m.reason() + ")");
            } else if (!(lookup instanceof ConfinedRoot.Missing)) {
                answer(ctx, ex, lookup, name, withBody);
            }
        } catch (IOException e) {
            // the client hung up (iPXE cancelled, installer timed out): nothing left to answer
            ex.failure("transfer ended early: " + e.getMessage());
            log.debug("sending {} ended early", name, e);
        }
    }

    /** True when {@code name} is a folder in the directory (symlinks followed, still inside). */
    boolean isFolder(RootName name) {
        return root.isPresent() && root.get().isFolder(name);
    }

    /**
     * Sends the file {@code name} of the directory; false, with nothing answered, when there is none. A name that
     * leads out of the directory, or cannot be read, is refused (403).
     */
    boolean sendFile(Context ctx, Exchange ex, RootName name, boolean withBody) throws IOException {
        if (root.isEmpty()) {
            return false;
        }
        ConfinedRoot.Lookup lookup = root.get().lookup(name);
        if (lookup instanceof ConfinedRoot.Missing) {
            return false;
        }
        answer(ctx, ex, lookup, name, withBody);
        return true;
    }

    private void answer(Context ctx, Exchange ex, ConfinedRoot.Lookup lookup, RootName name, boolean withBody) throws IOException {
        if (lookup instanceof ConfinedRoot.Denied d) {
            // the reason may name where a symlink leads: the log keeps it, the client gets less
            ex.failure("refused: " + d.reason());
            Text.answer(ctx, 403, "refused: " + Text.oneLine(name.path(), 200) + (d.why() == ConfinedRoot.Why.OUTSIDE
                    ? " is a symlink leading outside the " + what : " cannot be read"));
            return;
        }
        send(ctx, ex, ((ConfinedRoot.Found) lookup).file(), withBody);
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

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(ext, "application/octet-stream");
    }
}
