package org.bootproxy.boot;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The files a boot loader fetches by name and bootproxy renders (pxelinux's and GRUB's configs, a Foreman host
 * folder's configs and loader links): which name is which host's file, and what it gets. TFTP and HTTP boot both
 * ask {@link BootService}, which asks this.
 */
final class BootloaderFiles {
    /** pxelinux.cfg/01-aa-bb-…, pxelinux.cfg/default, with any directory prefix pxelinux put in front. */
    private static final Pattern PXELINUX_CFG =
            Pattern.compile("(?:.*/)?pxelinux\\.cfg/(01-[0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){5}|default)");
    /** grub2/grub.cfg-01-aa-bb-…, grub2/grub.cfg-aa:bb:… (the entry configs, grub2/grub.cfg among them, are a setting) */
    private static final Pattern GRUB2_CFG =
            Pattern.compile("(?:.*/)?grub2/grub\\.cfg-(01-[0-9a-fA-F]{2}(?:-[0-9a-fA-F]{2}){5}|[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5})");

    private final BootService boot;
    private final Supplier<BootSettings> settings;

    BootloaderFiles(BootService boot, Supplier<BootSettings> settings) {
        this.boot = boot;
        this.settings = settings;
    }

    /** See {@link BootService#tftpFile}. */
    Optional<Answer> tftpFile(String path, String clientIp) {
        String p = relative(path);
        Optional<HostConfigTree.Entry> inFolder = HostConfigTree.parse(p);
        if (inFolder.isPresent()) {
            return inFolder.filter(HostConfigTree.Entry::isConfig)
                    .map(e -> perHost(e.mac(), clientIp, TemplateKind.PXEGRUB2));
        }
        if (settings.get().grub().isEntryConfig(p)) {
            return Optional.of(generic(clientIp, TemplateKind.PXEGRUB2, BootService.GRUB2_DEFAULT));
        }
        Matcher m = PXELINUX_CFG.matcher(p);
        if (m.matches()) {
            return Optional.of(m.group(1).equals("default")
                    ? generic(clientIp, TemplateKind.PXELINUX, BootService.PXELINUX_DEFAULT)
                    : perHost(MacAddress.parse(m.group(1)), clientIp, TemplateKind.PXELINUX));
        }
        m = GRUB2_CFG.matcher(p);
        if (m.matches()) {
            return Optional.of(perHost(MacAddress.parse(m.group(1)), clientIp, TemplateKind.PXEGRUB2));
        }
        return Optional.empty();
    }

    /** See {@link BootService#loaderLink}. */
    Optional<LoaderLink> loaderLink(String path, String clientIp) {
        Optional<HostConfigTree.Entry> entry = HostConfigTree.parse(relative(path)).filter(HostConfigTree.Entry::isLoader);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        Host host = boot.identify(BootRequest.forMac(entry.get().mac(), clientIp));
        return Optional.of(HostConfigTree.link(entry.get(), HostConfigTree.query(host), host.name()));
    }

    /** See {@link BootService#bootloaderDefault}. */
    Answer bootloaderDefault(TemplateKind kind, String clientIp) {
        if (kind != TemplateKind.PXELINUX && kind != TemplateKind.PXEGRUB2) {
            throw new BadRequest("only PXELinux and PXEGrub2 have a default config, not " + kind.foremanName());
        }
        return generic(clientIp, kind, kind == TemplateKind.PXELINUX ? BootService.PXELINUX_DEFAULT : BootService.GRUB2_DEFAULT);
    }

    private static String relative(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        return p;
    }

    private Answer generic(String clientIp, TemplateKind kind, String template) {
        BootRequest r = new BootRequest(clientIp, List.of(), "", false, MachineFacts.NONE);
        return boot.answer(r, kind, null, template, Answer.Reason.DEFAULT);
    }

    private Answer perHost(MacAddress mac, String clientIp, TemplateKind kind) {
        BootRequest r = BootRequest.forMac(mac, clientIp);
        return boot.bootloaderConfig(r, kind, boot.identify(r));
    }
}
