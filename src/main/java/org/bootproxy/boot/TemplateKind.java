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

    private static final TemplateKind[] KINDS = values();

    private final String foremanName;
    private final Optional<TemplateKind> asOptional = Optional.of(this);

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
        // the name as Foreman spells it (what machines ask for, every request): no copies of it made
        for (TemplateKind k : KINDS) {
            if (k.foremanName.equals(name)) {
                return k.asOptional;
            }
        }
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        if (n.equals("gpxe")) {
            return Optional.of(IPXE);
        }
        for (TemplateKind k : KINDS) {
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
