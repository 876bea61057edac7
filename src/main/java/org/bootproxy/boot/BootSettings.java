package org.bootproxy.boot;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of the configuration the boot decision needs, already validated.
 *
 * @param publicUrl         base URL clients reach bootproxy's HTTP side at, e.g. http://192.0.2.1:8000
 * @param intermediateNics  how many NICs (net0…netN-1) the intermediate script tries
 * @param unknownAnswer     what a machine gets when none of its NICs is known
 * @param familyDefaults    default template per OS family and kind, e.g. Redhat → {iPXE: ipxe/kickstart}
 * @param retrySeconds      how long iPXE waits before asking again after a wait-it-out failure
 * @param grub              which names are GRUB's entry configs and how its per-host configs load the installer
 * @param menu              the OS menu's timeout, default entry and netboot.xyz URL
 */
public record BootSettings(
        URI publicUrl,
        int intermediateNics,
        UnknownMachineAnswer unknownAnswer,
        Map<String, Map<TemplateKind, String>> familyDefaults,
        int retrySeconds,
        GrubSettings grub,
        MenuSettings menu) {

    public BootSettings {
        Objects.requireNonNull(publicUrl, "publicUrl");
        String u = publicUrl.toString();
        if (u.endsWith("/")) {
            publicUrl = URI.create(u.substring(0, u.length() - 1));
        }
        if (intermediateNics < 1 || intermediateNics > 32) {
            throw new IllegalArgumentException("intermediateNics must be 1..32, not " + intermediateNics);
        }
        Objects.requireNonNull(unknownAnswer, "unknownAnswer");
        familyDefaults = familyDefaults == null ? Map.of() : Map.copyOf(familyDefaults);
        if (retrySeconds < 1) {
            throw new IllegalArgumentException("retrySeconds must be at least 1");
        }
        Objects.requireNonNull(grub, "grub");
        menu = menu == null ? MenuSettings.DEFAULTS : menu;
    }

    /** With GRUB's defaults ({@link GrubSettings#defaults()}) and the OS menu's (60 s, local boot, no netboot.xyz). */
    public BootSettings(URI publicUrl, int intermediateNics, UnknownMachineAnswer unknownAnswer,
                        Map<String, Map<TemplateKind, String>> familyDefaults, int retrySeconds) {
        this(publicUrl, intermediateNics, unknownAnswer, familyDefaults, retrySeconds, GrubSettings.defaults());
    }

    /** With the OS menu's defaults. */
    public BootSettings(URI publicUrl, int intermediateNics, UnknownMachineAnswer unknownAnswer,
                        Map<String, Map<TemplateKind, String>> familyDefaults, int retrySeconds, GrubSettings grub) {
        this(publicUrl, intermediateNics, unknownAnswer, familyDefaults, retrySeconds, grub, MenuSettings.DEFAULTS);
    }

    /** The address GRUB's {@code (tftp,…)} device names: the configured one, else the public URL's host. */
    public String grubTftpServer() {
        return grub.tftpServer().isEmpty() ? publicUrl.getHost() : grub.tftpServer();
    }

    /** Default template for a family and kind; family names compare case-insensitively. */
    public Optional<String> defaultTemplate(String family, TemplateKind kind) {
        for (Map.Entry<String, Map<TemplateKind, String>> e : familyDefaults.entrySet()) { // asked on every answer
            String name = e.getKey().equalsIgnoreCase(family) ? e.getValue().get(kind) : null;
            if (name != null) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
