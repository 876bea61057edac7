package org.bootproxy.boot;

import java.util.List;
import java.util.Locale;

/**
 * The provisioning subnet of a host.
 *
 * @param mask     e.g. "255.255.255.0", or ""
 * @param gateway  default gateway, or ""
 * @param dns      name servers, possibly none
 * @param bootMode "dhcp" or "static" (lower case)
 */
public record Subnet(String mask, String gateway, List<String> dns, String bootMode) {
    public static final Subnet DHCP = new Subnet("", "", List.of(), "dhcp");

    public Subnet {
        mask = mask == null ? "" : mask;
        gateway = gateway == null ? "" : gateway;
        dns = dns == null ? List.of() : List.copyOf(dns);
        bootMode = bootMode == null || bootMode.isBlank() ? "dhcp" : bootMode.trim().toLowerCase(Locale.ROOT);
        if (!bootMode.equals("dhcp") && !bootMode.equals("static")) {
            throw new IllegalArgumentException("subnet boot mode must be 'dhcp' or 'static', not '" + bootMode + "'");
        }
    }

    public boolean isStatic() {
        return bootMode.equals("static");
    }
}
