package org.bootproxy.fakes;

import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;

/** Fixture hosts for tests. */
public final class Hosts {
    private Hosts() {
    }

    /** web01: AlmaLinux 9, in build, token, two NICs (…:01 provisioning, …:02 secondary). */
    public static final Host WEB01 = new Host("web01.example.com", true, "tok-web01",
            List.of(new Nic(MacAddress.parse("52:54:00:aa:00:01"), "192.0.2.11", "eth0", true),
                    new Nic(MacAddress.parse("52:54:00:aa:00:02"), "192.0.2.12", "eth1", false)),
            new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", ""),
            "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os", Subnet.DHCP,
            Map.of("kernelcmd", "console=ttyS0"), Map.of(), "rev-1", "test");

    /** legacy01: Debian 12, not in build. */
    public static final Host LEGACY01 = new Host("legacy01.example.com", false, "",
            List.of(new Nic(MacAddress.parse("52:54:00:cc:00:01"), "192.0.2.31", "ens3", true)),
            new OperatingSystem("Debian", "Debian", "12", "", "x86_64", "bookworm"),
            "http://deb.example.com/debian", Subnet.DHCP, Map.of(), Map.of(), "rev-1", "test");

    /** An OS family with no default templates. */
    public static final Host ODD01 = new Host("odd01.example.com", true, "",
            List.of(new Nic(MacAddress.parse("52:54:00:dd:00:01"), "", "", true)),
            new OperatingSystem("Plan9", "Plan9", "4", "", "x86_64", ""),
            "", Subnet.DHCP, Map.of(), Map.of(), "rev-1", "test");
}
