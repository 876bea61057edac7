package org.bootproxy.boot;

import java.util.Objects;

/**
 * One network interface of a host.
 *
 * @param mac        its MAC address
 * @param ip         its IPv4 address, or "" when it has none (DHCP)
 * @param identifier the interface name the installed system uses (eth0, ens3…), or ""
 * @param provision  true for the interface the host installs through
 */
public record Nic(MacAddress mac, String ip, String identifier, boolean provision) {
    public Nic {
        Objects.requireNonNull(mac, "mac");
        ip = ip == null ? "" : ip.trim();
        identifier = identifier == null ? "" : identifier.trim();
    }
}
