package org.bootproxy.http;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;

/** The hosts and settings the HTTP tests boot. */
final class TestHosts {
    static final String WEB01_MAC = "52:54:00:aa:00:01";
    static final String WEB01_SECOND_MAC = "52:54:00:aa:00:02";
    static final String DB01_MAC = "52:54:00:bb:00:01";
    static final String LAB01_MAC = "52:54:00:cc:00:01";
    static final String UNKNOWN_MAC = "52:54:00:ff:ff:ff";
    static final int RETRY_SECONDS = 7;

    /** In build, two NICs, a token; AlmaLinux (family Redhat). */
    static final Host WEB01 = new Host("web01.example.com", true, "tok-web01",
            List.of(new Nic(MacAddress.parse(WEB01_MAC), "192.0.2.11", "eth0", true),
                    new Nic(MacAddress.parse(WEB01_SECOND_MAC), "", "eth1", false)),
            new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", ""),
            "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os", Subnet.DHCP, Map.of(), Map.of(), "r1", "test");

    /** Installed (not in build); Debian. */
    static final Host DB01 = new Host("db01.example.com", false, "",
            List.of(new Nic(MacAddress.parse(DB01_MAC), "192.0.2.21", "ens3", true)),
            new OperatingSystem("Debian", "Debian", "12", "", "x86_64", "bookworm"),
            "http://deb.example.com/debian", Subnet.DHCP, Map.of(), Map.of(), "r1", "test");

    /** In build, at the address the tests connect from (found by client IP). */
    static final Host LAB01 = new Host("lab01.example.com", true, "",
            List.of(new Nic(MacAddress.parse(LAB01_MAC), "127.0.0.1", "eth0", true)),
            new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", ""),
            "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os", Subnet.DHCP, Map.of(), Map.of(), "r1", "test");

    static final BootSettings SETTINGS = new BootSettings(URI.create("http://192.0.2.1:8000"), 4,
            UnknownMachineAnswer.MESSAGE,
            Map.of("Redhat", Map.of(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PROVISION, "kickstart/default",
                            TemplateKind.FINISH, "kickstart/finish", TemplateKind.USER_DATA, "cloudinit/user-data",
                            TemplateKind.META_DATA, "cloudinit/meta-data", TemplateKind.PXELINUX, "pxelinux/kickstart",
                            TemplateKind.PXEGRUB2, "grub2/kickstart"),
                    "Debian", Map.of(TemplateKind.IPXE, "ipxe/preseed", TemplateKind.PROVISION, "preseed/default")),
            RETRY_SECONDS);

    private TestHosts() {
    }
}
