package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.LoaderLink;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.support.RootName;

/**
 * UEFI HTTP Boot, as smart-proxy's httpboot module serves it: the TFTP root under {@code /httpboot/}, {@code /EFI/}
 * and {@code /EFI/BOOT/} ({@code /EFI/BOOT/grubx64.efi} and {@code /EFI/grubx64.efi} are both the root's
 * {@code grubx64.efi}). The firmware's HTTP client loads shim, GRUB or iPXE from here (shim asks for
 * {@code /httpboot/grub2//grubx64.efi}: empty segments are dropped). What is not a file in the root gets what TFTP
 * would give for the name: GRUB's rendered configs ({@code grub2/grub.cfg-<mac>}, a host folder's
 * {@code grub.cfg}), and a host folder's boot loaders, so a GRUB with the http module reads its config over HTTP.
 * Files stream without a worker ({@link FileSender}); a rendered answer is worker's work and takes a place
 * ({@link HttpLimits#workers()}) like any other.
 */
final class HttpbootHandler {

    private final BootService boot;
    private final Bound workers;
    private final AssetsHandler httpboot;
    private final AssetsHandler efiBoot;
    private final AssetsHandler efi;

    /** @param tftpRoot the real TFTP root, or empty when there is none (then everything is a 404) */
    HttpbootHandler(BootService boot, Optional<Path> tftpRoot, FileSender files, Bound workers) {
        this.boot = boot;
        this.workers = workers;
        this.httpboot = AssetsHandler.tftpRoot("/httpboot/", tftpRoot, this::missing, files);
        this.efiBoot = AssetsHandler.tftpRoot("/EFI/BOOT/", tftpRoot, this::missing, files);
        this.efi = AssetsHandler.tftpRoot("/EFI/", tftpRoot, this::missing, files);
    }

    AssetsHandler httpboot() {
        return httpboot;
    }

    /** {@code /EFI/BOOT/<path>}: routed before {@link #efi()}, as the longer prefix wins in smart-proxy. */
    AssetsHandler efiBoot() {
        return efiBoot;
    }

    AssetsHandler efi() {
        return efi;
    }

    /** A rendered config or a host folder's boot loader for a name that is no file in the root. */
    private boolean missing(Context ctx, Exchange ex, RootName rootName, boolean withBody) throws IOException {
        String name = rootName.path();
        MacAddress.inFileName(name).ifPresent(mac -> ex.mac(mac.colons()));
        Optional<Answer> answer;
        Optional<LoaderLink> link;
        workers.enter();
        try {
            answer = boot.tftpFile(name, ex.clientIp());
            link = answer.isPresent() ? Optional.empty() : boot.loaderLink(name, ex.clientIp());
        } catch (HostNotFound e) {
            ex.failure(e.getMessage());
            Text.answer(ctx, 404, "not found: " + Text.oneLine(name, 200) + " is not in the TFTP root, and " + e.getMessage());
            return true;
        } finally {
            workers.leave();
        }
        if (answer.isPresent()) {
            Answer a = answer.get();
            ex.detail(a.template());
            ex.host(a.hostName());
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            ctx.status(200).contentType(Text.PLAIN);
            if (withBody) {
                ctx.result(body);
            } else {
                ctx.res().setContentLengthLong(body.length);
            }
            return true;
        }
        if (link.isEmpty()) {
            return false;
        }
        ex.host(link.get().host());
        AssetsHandler root = httpboot;
        for (LoaderLink.Source source : link.get().sources()) {
            if (root.isFolder(source.folderName())) {
                ex.detail(name + " -> " + source.path());
                if (!root.sendFile(ctx, ex, source.pathName(), withBody)) {
                    ex.failure(name + " would be " + source.path() + ", which is not in the TFTP root");
                    Text.answer(ctx, 404, "not found: " + Text.oneLine(name, 200) + " would be " + source.path()
                            + ", which is not in the TFTP root: run 'bootproxy bootfiles' or put the boot loader there");
                }
                return true;
            }
        }
        return false;
    }
}
