package org.bootproxy.fakes;

import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;

/**
 * The test hosts: one catalogue for every test, so a MAC names the same machine in every test. A test that
 * needs a variant starts from one of these with {@link HostBuilder} ({@code Hosts.web01().inBuild(false).build()})
 * and gives it a name and MAC of its own when it is another machine.
 *
 * <pre>
 * 52:54:00:aa:00:01/02  web01.example.com    AlmaLinux 9.4 (Redhat), in build, token tok-web01, two NICs
 * 52:54:00:bb:00:01     db01.example.com     Debian 12, installed (not in build), static subnet
 * 52:54:00:cc:00:01     lab01.example.com    AlmaLinux 9.4, in build, at 127.0.0.1 (found by client IP)
 * 52:54:00:dd:00:01     odd01.example.com    Plan9: an OS family with no default templates
 * 52:54:00:ee:00:01     bad01.example.com    in build; its PXELinux template (pxelinux/broken) fails to render
 * 52:54:00:a1:00:01/02  alma01.example.com   AlmaLinux 9.4 for the shipped templates; the second NIC provisions
 * 52:54:00:00:c7:07     c7.example.com       CentOS 7 on a static subnet, no token
 * 52:54:00:00:de:b1     deb01.example.com    Debian 12 (bookworm), token tok-deb, kernel and initrd from /pub/
 * 52:54:00:00:de:b2     deb02.example.com    Debian 12 on a static subnet
 * 52:54:00:00:0b:01     noble01              Ubuntu 24.04 (autoinstall templates)
 * 52:54:00:00:fc:01     fcos01.example.com   Fedora CoreOS 39 (family Fcos: Ignition), in build, token tok-fcos, DHCP
 * 52:54:00:ff:ff:ff     (no host)            {@link #UNKNOWN_MAC}
 * </pre>
 * The example host files shipped in {@code hosts/} are the product's own examples, with their own MACs
 * (52:54:00:00:0x:xx); the full-server tests that serve them use those.
 */
public final class Hosts {

    public static final String PUBLIC_URL = "http://192.0.2.1:8000";

    public static final MacAddress WEB01_MAC = MacAddress.parse("52:54:00:aa:00:01");
    public static final MacAddress WEB01_SECOND_MAC = MacAddress.parse("52:54:00:aa:00:02");
    public static final MacAddress DB01_MAC = MacAddress.parse("52:54:00:bb:00:01");
    public static final MacAddress LAB01_MAC = MacAddress.parse("52:54:00:cc:00:01");
    public static final MacAddress ODD01_MAC = MacAddress.parse("52:54:00:dd:00:01");
    public static final MacAddress BAD01_MAC = MacAddress.parse("52:54:00:ee:00:01");
    public static final MacAddress ALMA01_MAC = MacAddress.parse("52:54:00:a1:00:02");
    public static final MacAddress ALMA01_FIRST_MAC = MacAddress.parse("52:54:00:a1:00:01");
    public static final MacAddress C7_MAC = MacAddress.parse("52:54:00:00:c7:07");
    public static final MacAddress DEB01_MAC = MacAddress.parse("52:54:00:00:de:b1");
    public static final MacAddress DEB02_MAC = MacAddress.parse("52:54:00:00:de:b2");
    public static final MacAddress NOBLE01_MAC = MacAddress.parse("52:54:00:00:0b:01");
    public static final MacAddress FCOS01_MAC = MacAddress.parse("52:54:00:00:fc:01");
    /** No host has it. */
    public static final MacAddress UNKNOWN_MAC = MacAddress.parse("52:54:00:ff:ff:ff");

    private static final OperatingSystem ALMA_9_4 = new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", "");
    private static final OperatingSystem DEBIAN_12 = new OperatingSystem("Debian", "Debian", "12", "", "x86_64", "bookworm");
    private static final String ALMA_MIRROR = "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os";

    public static final Host WEB01 = new Host("web01.example.com", true, "tok-web01",
            List.of(new Nic(WEB01_MAC, "192.0.2.11", "eth0", true), new Nic(WEB01_SECOND_MAC, "192.0.2.12", "eth1", false)),
            ALMA_9_4, ALMA_MIRROR, new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53"), "dhcp"),
            Map.of("kernelcmd", "console=ttyS0"), Map.of(), "rev-1", "test");

    public static final Host DB01 = new Host("db01.example.com", false, "",
            List.of(new Nic(DB01_MAC, "192.0.2.21", "ens3", true)), DEBIAN_12, "http://deb.example.com/debian",
            new Subnet("255.255.255.0", "192.0.2.1", List.of(), "static"), Map.of(), Map.of(), "rev-1", "test");

    public static final Host LAB01 = new Host("lab01.example.com", true, "",
            List.of(new Nic(LAB01_MAC, "127.0.0.1", "eth0", true)), ALMA_9_4, ALMA_MIRROR, Subnet.DHCP, Map.of(), Map.of(),
            "rev-1", "test");

    public static final Host ODD01 = new Host("odd01.example.com", true, "", List.of(new Nic(ODD01_MAC, "", "", true)),
            new OperatingSystem("Plan9", "Plan9", "4", "", "x86_64", ""), "", Subnet.DHCP, Map.of(), Map.of(), "rev-1", "test");

    public static final Host BAD01 = new Host("bad01.example.com", true, "", List.of(new Nic(BAD01_MAC, "", "eth0", true)),
            ALMA_9_4, ALMA_MIRROR, Subnet.DHCP, Map.of(), Map.of(TemplateKind.PXELINUX, "pxelinux/broken"), "rev-1", "test");

    public static final Host ALMA01 = new Host("alma01.example.com", true, "tok-alma",
            List.of(new Nic(ALMA01_FIRST_MAC, "", "eth0", false), new Nic(ALMA01_MAC, "192.0.2.11", "eth1", true)),
            ALMA_9_4, ALMA_MIRROR + "/", Subnet.DHCP,
            Map.of("kernelcmd", "console=ttyS0", "ssh_authorized_keys", "ssh-ed25519 AAAAC3Nza test@example"),
            Map.of(), "rev-1", "hosts/alma01.yaml");

    public static final Host C7 = new Host("c7.example.com", true, "", List.of(new Nic(C7_MAC, "192.0.2.70", "ens3", true)),
            new OperatingSystem("CentOS", "Redhat", "7", "9", "x86_64", ""), "http://mirror.example.com/centos/7/os/x86_64",
            new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53", "192.0.2.54"), "static"),
            Map.of("blacklist", "nouveau, floppy"), Map.of(), "", "");

    public static final Host DEB01 = new Host("deb01.example.com", true, "tok-deb", List.of(new Nic(DEB01_MAC, "", "", true)),
            DEBIAN_12, "http://deb.debian.org/debian", Subnet.DHCP,
            Map.of("kernel_url", PUBLIC_URL + "/pub/vmlinuz", "initrd_url", PUBLIC_URL + "/pub/initrd.img", "packages", "vim, curl"),
            Map.of(), "", "");

    public static final Host DEB02 = new Host("deb02.example.com", true, "",
            List.of(new Nic(DEB02_MAC, "192.0.2.40", "ens3", true)), DEBIAN_12, "https://deb.debian.org/debian",
            new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53"), "static"), Map.of(), Map.of(), "", "");

    public static final Host NOBLE01 = new Host("noble01", true, "", List.of(new Nic(NOBLE01_MAC, "192.0.2.60", "ens3", true)),
            new OperatingSystem("Ubuntu", "Debian", "24", "04", "x86_64", "noble"), "http://mirror.example.com/ubuntu-24.04",
            new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53"), "static"),
            Map.of("iso_url", "http://mirror.example.com/iso/ubuntu-24.04-live-server-amd64.iso",
                    "ssh_authorized_keys", "ssh-ed25519 AAAAkey1 a@x\n\nssh-ed25519 AAAAkey2 b@x\n",
                    "root_password_hash", "$6$salt$hash\"quoted"),
            Map.of(TemplateKind.IPXE, "ipxe/autoinstall", TemplateKind.USER_DATA, "provision/autoinstall-user-data"),
            "", "");

    /** Foreman's way of writing a Fedora CoreOS version: major 39, minor 20240112.3.0 (app/models/operatingsystems/fcos.rb). */
    public static final Host FCOS01 = new Host("fcos01.example.com", true, "tok-fcos",
            List.of(new Nic(FCOS01_MAC, "", "eno1", true)),
            new OperatingSystem("Fedora CoreOS", "Fcos", "39", "20240112.3.0", "x86_64", "stable"),
            "https://builds.coreos.fedoraproject.org/prod/streams/stable/builds/39.20240112.3.0/x86_64", Subnet.DHCP,
            Map.of("ssh_authorized_keys", "ssh-ed25519 AAAAkey1 a@x\n\nssh-ed25519 AAAAkey2 b@x\n"), Map.of(), "rev-1", "test");

    private Hosts() {
    }

    public static HostBuilder fcos01() {
        return HostBuilder.from(FCOS01);
    }

    public static HostBuilder web01() {
        return HostBuilder.from(WEB01);
    }

    public static HostBuilder lab01() {
        return HostBuilder.from(LAB01);
    }

    public static HostBuilder alma01() {
        return HostBuilder.from(ALMA01);
    }

    public static HostBuilder deb01() {
        return HostBuilder.from(DEB01);
    }

    public static HostBuilder deb02() {
        return HostBuilder.from(DEB02);
    }

    public static HostBuilder noble01() {
        return HostBuilder.from(NOBLE01);
    }
}
