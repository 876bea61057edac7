package org.bootproxy.smartproxy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.HostConfigTree;

/**
 * The boot loader config types of smart-proxy's TFTP API and the files each writes, relative to the TFTP
 * root, under exactly smart-proxy's names (so a TFTP root can move between the two unchanged). The path
 * segment is matched case-insensitively, as smart-proxy capitalises it: Foreman sends PXELinux, PXEGrub,
 * PXEGrub2 and iPXE.
 */
enum PxeVariant {
    SYSLINUX("Syslinux"),
    PXELINUX("Pxelinux"),
    PXEGRUB("Pxegrub"),
    PXEGRUB2("Pxegrub2"),
    ZTP("Ztp"),
    POAP("Poap"),
    IPXE("Ipxe");

    private final String name;

    PxeVariant(String name) {
        this.name = name;
    }

    /** The variant named in the path, or empty when smart-proxy would answer 403 "Unrecognized pxeboot config type". */
    static Optional<PxeVariant> parse(String sent) {
        return Arrays.stream(values()).filter(v -> v.name.equalsIgnoreCase(sent)).findFirst();
    }

    /** The per-host files written for {@code mac}; GET answers the first. */
    List<String> files(PxeMac mac) {
        return switch (this) {
            case SYSLINUX, PXELINUX -> List.of("pxelinux.cfg/01-" + mac.hyphens());
            case PXEGRUB -> List.of("grub/menu.lst.01" + mac.bareUpper(), "grub/01-" + mac.hyphensUpper());
            // Foreman >= 3.14's host folder first (GET answers its grub.cfg), then the names older GRUB setups read
            case PXEGRUB2 -> List.of(HostConfigTree.folder(mac.hyphens()) + "/grub.cfg",
                    HostConfigTree.folder(mac.hyphens()) + "/grub.cfg-01-" + mac.hyphens(),
                    HostConfigTree.folder(mac.hyphens()) + "/grub.cfg-" + mac.colons(),
                    "grub2/grub.cfg-01-" + mac.hyphens(), "grub2/grub.cfg-" + mac.colons());
            case IPXE -> List.of("pxelinux.cfg/01-" + mac.hyphens() + ".ipxe");
            case ZTP -> List.of("ztp.cfg/" + mac.bareUpper(), "ztp.cfg/" + mac.bareUpper() + ".cfg");
            case POAP -> List.of("poap.cfg/" + mac.bareUpper());
        };
    }

    /** The files {@code create_default} writes. */
    List<String> defaults() {
        return switch (this) {
            case SYSLINUX, PXELINUX -> List.of("pxelinux.cfg/default");
            case PXEGRUB -> List.of("grub/menu.lst", "grub/efidefault");
            case PXEGRUB2 -> List.of("grub2/grub.cfg");
            case IPXE -> List.of("pxelinux.cfg/default.ipxe");
            case ZTP -> List.of("ztp.cfg");
            case POAP -> List.of("poap.cfg");
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
