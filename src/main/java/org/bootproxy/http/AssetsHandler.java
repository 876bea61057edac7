package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.RootName;

/**
 * {@code GET|HEAD /pub/<path>}: files from the assets directory (kernels, initrds, ISOs), and
 * {@code GET|HEAD /httpboot/<path>}: the TFTP root for UEFI HTTP boot. This class decides which file a path names;
 * {@link FileSender} answers with it (ranges, conditional requests, streaming without holding a thread).
 *
 * <p>What a path may name is {@link RootName#ofUriPath} and {@link ConfinedRoot}, the rules TFTP follows
 * too: no {@code ..}, no hidden separator or control character, nothing that leads out of the directory
 * (checked after normalisation and after symlinks), no hidden files (dot-files, files being written), no
 * directories.
 */
final class AssetsHandler {
    /** The URL prefix, e.g. {@code /pub/}. */
    private final String prefix;
    /** What the directory is called in answers, e.g. "assets directory". */
    private final String what;
    /** The directory, or empty when none is configured. */
    private final Optional<ConfinedRoot> root;
    private final FileSender files;

    AssetsHandler(String prefix, String what, Optional<Path> root, FileSender files) {
        this.prefix = prefix;
        this.what = what;
        this.root = root.map(dir -> new ConfinedRoot(dir, what));
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
        ConfinedRoot.Lookup lookup;
        try {
            lookup = root.get().lookup(RootName.ofUriPath(rel));
        } catch (RootName.BadName e) {
            refuse(ctx, ex, 403, "refused: " + e.getMessage());
            return Optional.empty();
        }
        if (lookup instanceof ConfinedRoot.Missing m) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200) + " (" + m.reason() + ")");
            return Optional.empty();
        }
        if (lookup instanceof ConfinedRoot.Denied d) {
            // the reason may name where a symlink leads: the log keeps it, the client gets less
            ex.failure("refused: " + d.reason());
            Text.answer(ctx, 403, "refused: " + Text.oneLine(rel, 200) + (d.why() == ConfinedRoot.Why.OUTSIDE
                    ? " is a symlink leading outside the " + what : " cannot be read"));
            return Optional.empty();
        }
        return Optional.of(((ConfinedRoot.Found) lookup).file());
    }

    static void refuse(Context ctx, Exchange ex, int status, String message) {
        ex.failure(message);
        Text.answer(ctx, status, message);
    }
}
