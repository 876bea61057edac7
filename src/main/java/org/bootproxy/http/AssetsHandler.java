package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET|HEAD /pub/<path>}: files from the assets directory (kernels, initrds, ISOs), and
 * {@code GET|HEAD /httpboot/<path>}: the TFTP root for UEFI HTTP boot. This class decides which file a path names;
 * {@link FileSender} answers with it (ranges, conditional requests, streaming without holding a thread).
 *
 * <p>Every path is checked twice (DESIGN rule 9): its decoded segments may not be {@code .}, {@code ..}
 * or hide a separator, and the file's real path (all symlinks followed) must still lie under the real
 * directory served. Hidden files (a segment starting with a dot: lock and part files too) and directories
 * are not served.
 */
final class AssetsHandler {
    /** The URL prefix, e.g. {@code /pub/}. */
    private final String prefix;
    /** What the directory is called in answers, e.g. "assets directory". */
    private final String what;
    /** The real path of the directory, or empty when none is configured. */
    private final Optional<Path> root;
    private final FileSender files;

    AssetsHandler(String prefix, String what, Optional<Path> root, FileSender files) {
        this.prefix = prefix;
        this.what = what;
        this.root = root;
        this.files = files;
    }

    /** {@code /pub/}: the assets directory. */
    static AssetsHandler pub(Optional<Path> assets, FileSender files) {
        return new AssetsHandler("/pub/", "assets directory", assets, files);
    }

    /** {@code /httpboot/}: the TFTP root, as smart-proxy's httpboot module serves it. */
    static AssetsHandler httpboot(Optional<Path> tftpRoot, FileSender files) {
        return new AssetsHandler("/httpboot/", "TFTP root", tftpRoot, files);
    }

    void get(Context ctx) throws IOException {
        serve(ctx, true);
    }

    void head(Context ctx) throws IOException {
        serve(ctx, false);
    }

    private void serve(Context ctx, boolean withBody) throws IOException {
        Exchange ex = Exchange.of(ctx);
        String raw = ctx.req().getRequestURI();
        String rel = raw.startsWith(prefix) ? raw.substring(prefix.length()) : "";
        ex.detail(Text.oneLine(rel, 200));
        Optional<Path> file = resolve(ctx, ex, rel);
        if (file.isPresent()) {
            files.send(ctx, ex, file.get(), withBody);
        }
    }

    /**
     * The one place that decides which file a client's path names: the real path of a regular file under the root;
     * empty when the request has been answered with a refusal instead (DESIGN rule 9).
     */
    private Optional<Path> resolve(Context ctx, Exchange ex, String rel) {
        if (root.isEmpty()) {
            refuse(ctx, ex, 404, "no " + what + " is configured, so " + prefix + " serves nothing");
            return Optional.empty();
        }
        Optional<List<String>> segments = segments(rel);
        if (segments.isEmpty()) {
            refuse(ctx, ex, 403, "refused: the path leaves the " + what + " or hides a separator");
            return Optional.empty();
        }
        if (segments.get().stream().anyMatch(s -> s.startsWith("."))) {
            refuse(ctx, ex, 404, "not found: hidden files are not served");
            return Optional.empty();
        }
        Path base = root.get();
        Path file = base.resolve(String.join("/", segments.get())).normalize();
        if (!file.startsWith(base)) {
            refuse(ctx, ex, 403, "refused: the path leaves the " + what);
            return Optional.empty();
        }
        if (!Files.exists(file)) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200) + " is not in the " + what);
            return Optional.empty();
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200));
            return Optional.empty();
        }
        if (!real.startsWith(base)) {
            refuse(ctx, ex, 403, "refused: " + Text.oneLine(rel, 200) + " is a symlink leading outside the " + what);
            return Optional.empty();
        }
        if (!Files.isRegularFile(real)) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200) + " is a directory (no listings)");
            return Optional.empty();
        }
        return Optional.of(real);
    }

    static void refuse(Context ctx, Exchange ex, int status, String message) {
        ex.failure(message);
        Text.answer(ctx, status, message);
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
}
