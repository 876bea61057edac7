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
    /** What the directory is called in answers, e.g. "assets directory". */
    private final String what;
    /** The directory, or empty when none is configured. */
    private final Optional<ConfinedRoot> root;
    private final Missing missing;
    private final FileSender files;

    AssetsHandler(String prefix, String what, Optional<Path> root, Missing missing, FileSender files) {
        this.prefix = prefix;
        this.what = what;
        this.root = root.map(dir -> new ConfinedRoot(dir, what));
        this.missing = missing;
        this.files = files;
    }

    /** {@code /pub/}: the assets directory. */
    static AssetsHandler pub(Optional<Path> assets, FileSender files) {
        return new AssetsHandler("/pub/", "assets directory", assets, Missing.NONE, files);
    }

    /**
     * {@code prefix} ({@code /httpboot/}, {@code /EFI/}, …): the TFTP root, as smart-proxy's httpboot module serves it;
     * {@code missing} answers names that are no file there.
     */
    static AssetsHandler tftpRoot(String prefix, Optional<Path> tftpRoot, Missing missing, FileSender files) {
        return new AssetsHandler(prefix, "TFTP root", tftpRoot, missing, files);
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
        ConfinedRoot.Lookup lookup = root.get().lookup(name);
        if (lookup instanceof ConfinedRoot.Missing m
                && (name.isEmpty() || name.hidden() || !missing.answer(ctx, ex, name, withBody))) {
            refuse(ctx, ex, 404, "not found: " + Text.oneLine(rel, 200) + " (" + m.reason() + ")");
        } else if (!(lookup instanceof ConfinedRoot.Missing)) {
            answer(ctx, ex, lookup, name, withBody);
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
        files.send(ctx, ex, ((ConfinedRoot.Found) lookup).file(), withBody);
    }

    static void refuse(Context ctx, Exchange ex, int status, String message) {
        ex.failure(message);
        Text.answer(ctx, status, message);
    }
}
