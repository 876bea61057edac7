package org.bootproxy.boot;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a client asks for. The names are Foreman's template kinds, so {@code /unattended/<kind>}
 * URLs and host files read the same as in Foreman.
 */
public enum TemplateKind {
    IPXE("iPXE"),
    PXELINUX("PXELinux"),
    PXEGRUB2("PXEGrub2"),
    PROVISION("provision"),
    FINISH("finish"),
    USER_DATA("user_data"),
    META_DATA("meta_data"),
    SCRIPT("script"),
    CLOUD_INIT("cloud-init"),
    /** an Ignition v3 config (Fedora CoreOS): {@code /unattended/ignition}, matchbox's {@code /ignition?mac=} */
    IGNITION("ignition");

    private final String foremanName;

    TemplateKind(String foremanName) {
        this.foremanName = foremanName;
    }

    /** The name used in URLs, host files and config: iPXE, PXELinux, provision, … */
    public String foremanName() {
        return foremanName;
    }

    /** Parses a kind name case-insensitively; "gPXE" is Foreman's alias for iPXE, "user-data" for user_data. */
    public static Optional<TemplateKind> fromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (n.equals("gpxe")) {
            return Optional.of(IPXE);
        }
        for (TemplateKind k : values()) {
            if (k.foremanName.toLowerCase(Locale.ROOT).replace('-', '_').equals(n)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    public static String allowedNames() {
        return Arrays.stream(values()).map(TemplateKind::foremanName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return foremanName;
    }
}
