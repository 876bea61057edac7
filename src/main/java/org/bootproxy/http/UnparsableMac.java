package org.bootproxy.http;

/**
 * The client sent a {@code mac} that is not a MAC address. Installers get a 400; iPXE gets a 404 so the
 * intermediate script moves on to its next NIC.
 */
final class UnparsableMac extends RuntimeException {
    UnparsableMac(String value) {
        super("not a MAC address: '" + Text.oneLine(value, 60) + "'");
    }
}
