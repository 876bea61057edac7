package org.bootproxy.dhcp;

import java.util.List;

/**
 * What a network-booting client puts in its DHCPDISCOVER that the configurations look at.
 *
 * @param userClass   option 77, "" when not sent
 * @param vendorClass option 60, "" when not sent
 * @param arch        option 93, -1 when not sent
 */
record Client(String name, String userClass, String vendorClass, int arch, ClientKind expected) {

    /** The clients each format must tell apart, with what each must get (option values from netboot-protocols.md §3.5). */
    static final List<Client> ALL = List.of(
            new Client("SeaBIOS iPXE ROM / legacy PXE", "", "PXEClient:Arch:00000:UNDI:002001", 0, ClientKind.BIOS),
            new Client("OVMF PXE (EDK2 sends 7)", "", "PXEClient:Arch:00007:UNDI:003001", 7, ClientKind.UEFI_X64),
            new Client("x64 UEFI sending 9", "", "PXEClient:Arch:00009:UNDI:003016", 9, ClientKind.UEFI_X64),
            new Client("ARM64 UEFI PXE", "", "PXEClient:Arch:00011:UNDI:003000", 11, ClientKind.UEFI_ARM64),
            new Client("OVMF HTTP Boot", "", "HTTPClient:Arch:00016:UNDI:003001", 16, ClientKind.HTTP_X64),
            new Client("ARM64 HTTP Boot", "", "HTTPClient:Arch:00019:UNDI:003000", 19, ClientKind.HTTP_ARM64),
            new Client("iPXE on BIOS", "iPXE", "PXEClient:Arch:00000:UNDI:002001", 0, ClientKind.IPXE),
            new Client("iPXE on UEFI (snponly.efi)", "iPXE", "PXEClient:Arch:00007:UNDI:003010", 7, ClientKind.IPXE),
            new Client("iPXE after HTTP Boot (ipxe.efi)", "iPXE", "PXEClient:Arch:00007:UNDI:003010", 7, ClientKind.IPXE));

    @Override
    public String toString() {
        return name;
    }
}
