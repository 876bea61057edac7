package org.bootproxy.dhcp;

import java.util.List;

/**
 * The kinds of network-boot client a DHCP server tells apart for bootproxy, in the order the generated
 * configurations test them: the first that fits a client decides its answer. Architecture codes are DHCP option 93
 * (IANA "Processor Architecture Types"; EDK2 sends 7 for x64 UEFI, RFC 4578's errata swaps 7 and 9, so both mean x64).
 */
public enum ClientKind {
    /** iPXE itself (user class {@code iPXE}), whatever its firmware: the bootstrap URL, which breaks the chain loop. */
    IPXE("iPXE (user class iPXE)", List.of()),
    /** UEFI HTTP Boot, x64 (vendor class {@code HTTPClient}, arch 16): a URL, and option 60 {@code HTTPClient} back. */
    HTTP_X64("UEFI HTTP Boot x64 (vendor class HTTPClient, arch 16)", List.of(16)),
    /** UEFI HTTP Boot, ARM64 (vendor class {@code HTTPClient}, arch 19). */
    HTTP_ARM64("UEFI HTTP Boot ARM64 (vendor class HTTPClient, arch 19)", List.of(19)),
    /** ARM64 UEFI PXE (arch 11). */
    UEFI_ARM64("ARM64 UEFI PXE (arch 11)", List.of(11)),
    /** x86-64 UEFI PXE (arch 7 or 9). */
    UEFI_X64("x86-64 UEFI PXE (arch 7 or 9)", List.of(7, 9)),
    /** Legacy BIOS PXE (arch 0, or no option 93 at all). */
    BIOS("BIOS PXE (arch 0)", List.of(0));

    private final String description;
    private final List<Integer> arches;

    ClientKind(String description, List<Integer> arches) {
        this.description = description;
        this.arches = arches;
    }

    public String description() {
        return description;
    }

    /** The option 93 values of this kind; empty for iPXE, which is told by its user class. */
    public List<Integer> arches() {
        return arches;
    }

    /** True for the UEFI HTTP Boot kinds: they get a URL and need option 60 {@code HTTPClient} in the answer. */
    public boolean httpBoot() {
        return this == HTTP_X64 || this == HTTP_ARM64;
    }
}
