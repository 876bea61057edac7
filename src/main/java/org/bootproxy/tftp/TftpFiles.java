package org.bootproxy.tftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BootException;
import org.bootproxy.boot.BootService;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.LoaderLink;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateNotFound;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.RootName;

/**
 * Which bytes a TFTP name gets, in this order: a file in the static root ({@link ConfinedRoot}: the same
 * rules as {@code /httpboot/}, so no dot-files, no files being written, nothing outside) (so configs Foreman pushes into
 * the root win over rendered ones), else a file {@link BootService} renders ({@code pxelinux.cfg/01-<mac>},
 * {@code grub2/grub.cfg…}, {@code grub/grub.cfg}, {@code host-config/<mac>/grub2/grub.cfg…}), else the boot loader
 * a Foreman host folder would link to ({@code host-config/<mac>/grub2/shimx64.efi} → {@code grub2/shimx64.efi}),
 * else {@code pub/<path>} from the assets folder, else "file not found". pxelinux's UUID and IP-hex probes end at
 * the last step without touching the inventory.
 */
final class TftpFiles {

    /**
     * What a transfer will send.
     *
     * @param source "static", "rendered", "link" (a host folder's boot loader) or "pub" (the assets folder)
     * @param fields extra event fields (template, host) for rendered files
     */
    record Opened(Content content, String source, Map<String, String> fields) {
    }

    private static final String PUB = "pub";

    private final ConfinedRoot root;
    private final Optional<ConfinedRoot> pub;
    private final BootService boot;

    /** @param pub the assets folder, served as {@code pub/<path>}; empty = no {@code pub/} */
    TftpFiles(ConfinedRoot root, Optional<ConfinedRoot> pub, BootService boot) {
        this.root = root;
        this.pub = pub;
        this.boot = boot;
    }

    Opened open(RootName name, String clientIp, boolean netascii) throws TftpFailure {
        ConfinedRoot.Lookup lookup = root.lookup(name);
        if (lookup instanceof ConfinedRoot.Denied d) {
            throw TftpFailure.denied(d.reason());
        }
        if (lookup instanceof ConfinedRoot.Found f) {
            return new Opened(openStatic(f, netascii), "static", Map.of());
        }
        if (name.hidden()) {
            throw TftpFailure.notFound(((ConfinedRoot.Missing) lookup).reason());
        }
        Optional<Answer> answer = render(name.path(), clientIp);
        if (answer.isEmpty()) {
            Optional<LoaderLink> link = ask(() -> boot.loaderLink(name.path(), clientIp));
            if (link.isPresent()) {
                return linked(link.get(), netascii);
            }
            if (name.segments().size() > 1 && name.segments().get(0).equals(PUB) && pub.isPresent()) {
                return fromPub(pub.get(), new RootName(name.segments().subList(1, name.segments().size())), netascii);
            }
            throw TftpFailure.notFound("not in " + root.path() + " and not a rendered name");
        }
        Answer a = answer.get();
        byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("template", a.template());
        if (!a.hostName().isEmpty()) {
            fields.put("host", a.hostName());
        }
        return new Opened(Content.of(netascii ? Netascii.encode(body) : body), "rendered", fields);
    }

    /**
     * A boot loader of a host folder nobody wrote: the file the folder would link to, from the first source
     * whose folder exists (a bootloader universe, else grub2/), as smart-proxy links one or the other.
     */
    private Opened linked(LoaderLink link, boolean netascii) throws TftpFailure {
        for (LoaderLink.Source source : link.sources()) {
            if (!root.isFolder(source.folderName())) {
                continue;
            }
            ConfinedRoot.Lookup target = root.lookup(source.pathName());
            if (target instanceof ConfinedRoot.Found f) {
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("target", source.path());
                fields.put("host", link.host());
                return new Opened(openStatic(f, netascii), "link", fields);
            }
            if (target instanceof ConfinedRoot.Denied d) {
                throw TftpFailure.denied(d.reason());
            }
            throw TftpFailure.notFound(link.name() + " would link to " + source.path() + " (host " + link.host()
                    + "), which is not in " + root.path() + ": run 'bootproxy bootfiles' or put the boot loader there");
        }
        throw TftpFailure.notFound(link.name() + " (host " + link.host() + ") would link to "
                + link.sources().stream().map(LoaderLink.Source::path).toList() + ", none of whose folders is in "
                + root.path() + ": run 'bootproxy bootfiles'");
    }

    /** {@code pub/<path>}: the assets folder HTTP serves under /pub/, for boot loaders that cannot do HTTP. */
    private static Opened fromPub(ConfinedRoot assets, RootName path, boolean netascii) throws TftpFailure {
        ConfinedRoot.Lookup lookup = assets.lookup(path);
        if (lookup instanceof ConfinedRoot.Found f) {
            return new Opened(openStatic(f, netascii), "pub", Map.of());
        }
        if (lookup instanceof ConfinedRoot.Denied d) {
            throw TftpFailure.denied(d.reason());
        }
        throw TftpFailure.notFound(((ConfinedRoot.Missing) lookup).reason() + " (" + assets.path() + ")");
    }

    private Optional<Answer> render(String name, String clientIp) throws TftpFailure {
        return ask(() -> boot.tftpFile(name, clientIp));
    }

    private interface Question<T> {
        Optional<T> ask();
    }

    /** Asks the boot service, turning its answers' failures into TFTP errors. */
    private static <T> Optional<T> ask(Question<T> question) throws TftpFailure {
        try {
            return question.ask();
        } catch (HostNotFound e) {
            // pxelinux then asks for the IP-hex names and finally pxelinux.cfg/default
            throw TftpFailure.notFound(e.getMessage());
        } catch (TemplateFailed e) {
            throw new TftpFailure(TftpFailure.NOT_DEFINED, "bootproxy: template failed, see its log", Outcome.ERROR,
                    "template " + e.template() + " failed: " + e.getMessage());
        } catch (UpstreamUnavailable e) {
            throw new TftpFailure(TftpFailure.NOT_DEFINED, "bootproxy: inventory unavailable, try again", Outcome.ERROR,
                    "inventory unavailable: " + e.getMessage());
        } catch (TemplateNotFound e) {
            throw new TftpFailure(TftpFailure.NOT_DEFINED, "bootproxy: no template for this host, see its log", Outcome.ERROR,
                    e.getMessage());
        } catch (BootException e) {
            throw new TftpFailure(TftpFailure.NOT_DEFINED, "bootproxy: cannot answer, see its log", Outcome.ERROR,
                    e.getMessage());
        }
    }

    private static Content openStatic(ConfinedRoot.Found f, boolean netascii) throws TftpFailure {
        try {
            if (!netascii) {
                return Content.open(f.file());
            }
            if (f.size() > Netascii.MAX_SOURCE) {
                throw new TftpFailure(TftpFailure.NOT_DEFINED, "netascii is limited to 16 MiB files, ask in octet mode",
                        Outcome.ERROR, "netascii asked for a " + f.size() + "-byte file");
            }
            return Content.of(Netascii.encode(Files.readAllBytes(f.file())));
        } catch (IOException e) {
            throw TftpFailure.denied("cannot be read: " + e.getMessage());
        }
    }
}
