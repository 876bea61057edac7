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
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateNotFound;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.RootName;

/**
 * Which bytes a TFTP name gets, in this order: a file in the static root ({@link ConfinedRoot}: the same
 * rules as {@code /httpboot/}, so no dot-files, no files being written, nothing outside) (so configs Foreman pushes into
 * the root win over rendered ones), else a file {@link BootService} renders ({@code pxelinux.cfg/01-<mac>},
 * {@code grub2/grub.cfg…}), else "file not found". pxelinux's UUID and IP-hex probes end at the last step
 * without touching the inventory.
 */
final class TftpFiles {

    /**
     * What a transfer will send.
     *
     * @param source "static" or "rendered"
     * @param fields extra event fields (template, host) for rendered files
     */
    record Opened(Content content, String source, Map<String, String> fields) {
    }

    private final ConfinedRoot root;
    private final BootService boot;

    TftpFiles(ConfinedRoot root, BootService boot) {
        this.root = root;
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

    private Optional<Answer> render(String name, String clientIp) throws TftpFailure {
        try {
            return boot.tftpFile(name, clientIp);
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
