package org.bootproxy.inventory.cmdb;

import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;

final class CmdbFixtures {
    static final Host WEB01 = new Host("web01.example.com", true, "tok-web01",
            List.of(new Nic(MacAddress.parse("52:54:00:aa:00:01"), "192.0.2.11", "eth0", true),
                    new Nic(MacAddress.parse("52:54:00:aa:00:02"), "", "eth1", false)),
            new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", ""),
            "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os",
            new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53"), "dhcp"),
            Map.of("kernelcmd", "console=ttyS0"), Map.of(TemplateKind.IPXE, "ipxe/kickstart"), "", "");

    private CmdbFixtures() {
    }
}
