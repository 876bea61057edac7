package org.bootproxy.dhcp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the DHCP server hands each kind of client: a TFTP file name (with bootproxy as next-server) or a URL.
 *
 * @param nextServer bootproxy's IPv4 address: next-server / siaddr, where PXE firmware fetches the file over TFTP
 * @param answers    the file name or URL per kind; every kind has one
 * @param subnet     the segment and address range, for a configuration that also hands out addresses; empty: only
 *                   the network-boot part, to add to an existing configuration
 */
public record BootPlan(String nextServer, Map<ClientKind, String> answers, Optional<Ipv4Range> subnet) {

    /** Which boot loader a BIOS client gets over TFTP. */
    public enum Bios {
        /** {@code pxelinux.0}: rendered pxelinux.cfg per host, then iPXE ({@code ipxe.lkrn}) for the rest */
        PXELINUX("pxelinux.0"),
        /** {@code undionly-ipxe.0}: straight to iPXE on the firmware's UNDI driver */
        IPXE("undionly-ipxe.0");

        final String file;

        Bios(String file) {
            this.file = file;
        }
    }

    /** Which boot loader a UEFI client gets (names as Foreman's bootloaders use them in the TFTP root). */
    public enum Uefi {
        /** iPXE on the firmware's network driver: {@code snponly.efi}; HTTP Boot gets {@code ipxe.efi} */
        IPXE("snponly.efi", "ipxe.efi", "grub2/grubaa64.efi"),
        /** GRUB2 without Secure Boot: {@code grub2/grubx64.efi}, ARM64 {@code grub2/grubaa64.efi} */
        GRUB2("grub2/grubx64.efi", "grub2/grubx64.efi", "grub2/grubaa64.efi"),
        /** shim then GRUB2, for Secure Boot: {@code grub2/shimx64.efi}, ARM64 {@code grub2/shimaa64.efi} */
        SHIM("grub2/shimx64.efi", "grub2/shimx64.efi", "grub2/shimaa64.efi");

        final String x64;
        final String httpX64;
        final String arm64;

        Uefi(String x64, String httpX64, String arm64) {
            this.x64 = x64;
            this.httpX64 = httpX64;
            this.arm64 = arm64;
        }
    }

    public BootPlan {
        Objects.requireNonNull(nextServer, "nextServer");
        if (!isIpv4(nextServer)) {
            throw new IllegalArgumentException("next-server '" + nextServer + "' is not an IPv4 address");
        }
        answers = Map.copyOf(answers);
        for (ClientKind k : ClientKind.values()) {
            if (answers.get(k) == null || answers.get(k).isBlank()) {
                throw new IllegalArgumentException("no boot file for " + k.description());
            }
            if (answers.get(k).matches(".*[\"'\\\\\\s].*")) {
                throw new IllegalArgumentException("boot file '" + answers.get(k) + "' holds a quote, backslash or blank");
            }
        }
        subnet = Objects.requireNonNullElse(subnet, Optional.empty());
    }

    /**
     * The usual plan for a bootproxy at {@code publicUrl}: iPXE gets {@code <publicUrl>/unattended/iPXE?bootstrap=1},
     * HTTP Boot clients {@code <publicUrl>/httpboot/<loader>}, PXE clients the loader over TFTP from {@code nextServer}.
     * ARM64 always gets GRUB2 (Debian ships no ARM64 iPXE).
     */
    public static BootPlan of(String nextServer, URI publicUrl, Bios bios, Uefi uefi, Optional<Ipv4Range> subnet) {
        String base = publicUrl.toString().replaceAll("/+$", "");
        Map<ClientKind, String> a = new EnumMap<>(ClientKind.class);
        a.put(ClientKind.IPXE, base + "/unattended/iPXE?bootstrap=1");
        a.put(ClientKind.HTTP_X64, base + "/httpboot/" + uefi.httpX64);
        a.put(ClientKind.HTTP_ARM64, base + "/httpboot/" + uefi.arm64);
        a.put(ClientKind.UEFI_ARM64, uefi.arm64);
        a.put(ClientKind.UEFI_X64, uefi.x64);
        a.put(ClientKind.BIOS, bios.file);
        return new BootPlan(nextServer, a, subnet);
    }

    public String answer(ClientKind kind) {
        return answers.get(kind);
    }

    /** shim takes the folder of grubx64.efi from the BOOTP file field only: the name must be there, not just in option 67. */
    public boolean needsFileField() {
        return answers.values().stream().anyMatch(f -> f.contains("shim"));
    }

    static boolean isIpv4(String text) {
        if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            return false;
        }
        try {
            return InetAddress.getByName(text) instanceof Inet4Address;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
