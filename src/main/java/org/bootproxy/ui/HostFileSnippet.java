package org.bootproxy.ui;

import java.util.Locale;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MacAddress;

/** A discovered machine as the start of a host file (docs/host-files.md): its NICs filled in, the rest to write. */
final class HostFileSnippet {
    private HostFileSnippet() {
    }

    static String of(DiscoveredMachine m) {
        StringBuilder b = new StringBuilder();
        b.append("# hosts/").append(name(m)).append(".yaml, from the machine bootproxy saw at ").append(m.lastSeen()).append('\n');
        if (!m.serial().isEmpty() || !m.product().isEmpty()) {
            b.append("# ").append(String.join(" ", m.manufacturer(), m.product()).trim())
                    .append(m.serial().isEmpty() ? "" : ", serial " + m.serial()).append('\n');
        }
        b.append("name: ").append(name(m)).append(".example.com   # its real name\n");
        b.append("build: true\n");
        b.append("interfaces:\n");
        for (MacAddress mac : m.macs()) {
            b.append("  - mac: \"").append(mac.colons()).append("\"\n");
            if (mac.colons().equals(m.bootif())) {
                b.append("    provision: true\n");
            }
        }
        b.append("os: {name: AlmaLinux, family: Redhat, major: \"9\", minor: \"4\", arch: ")
                .append(m.arch().equals("i386") || m.arch().isEmpty() ? "x86_64" : m.arch()).append("}   # what to install\n");
        return b.toString();
    }

    /** A host name to start from: the serial when it is one, else the MAC. */
    private static String name(DiscoveredMachine m) {
        String serial = m.serial().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "");
        return serial.length() >= 4 ? "host-" + serial : "host-" + m.id();
    }
}
