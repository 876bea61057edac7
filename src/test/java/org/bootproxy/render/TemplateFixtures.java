package org.bootproxy.render;

import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.BootUrls;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hosts, requests and settings for rendering templates in tests: one host per shipped OS family
 * (Red Hat, Debian, Ubuntu), in build or not, on a DHCP or static subnet.
 */
public final class TemplateFixtures {

    public static final String PUBLIC_URL = "http://192.0.2.1:8000";
    public static final MacAddress ALMA_MAC = MacAddress.parse("52:54:00:12:34:56");
    public static final MacAddress DEBIAN_MAC = MacAddress.parse("52:54:00:00:de:b1");
    public static final MacAddress UBUNTU_MAC = MacAddress.parse("52:54:00:00:0b:01");
    public static final MacAddress UNKNOWN_MAC = MacAddress.parse("52:54:00:ff:ff:01");

    private TemplateFixtures() {
    }

    /** The family defaults a deployment would configure for the shipped templates. */
    public static final Map<String, Map<TemplateKind, String>> FAMILY_DEFAULTS = Map.of(
            "Redhat", Map.of(
                    TemplateKind.IPXE, "ipxe/kickstart",
                    TemplateKind.PXELINUX, "pxelinux/chain-ipxe",
                    TemplateKind.PXEGRUB2, "grub2/kickstart",
                    TemplateKind.PROVISION, "provision/kickstart"),
            "Debian", Map.of(
                    TemplateKind.IPXE, "ipxe/preseed",
                    TemplateKind.PXELINUX, "pxelinux/chain-ipxe",
                    TemplateKind.PXEGRUB2, "grub2/preseed",
                    TemplateKind.PROVISION, "provision/preseed",
                    TemplateKind.FINISH, "finish/preseed"));

    public static BootSettings settings() {
        return settings(UnknownMachineAnswer.MESSAGE);
    }

    public static BootSettings settings(UnknownMachineAnswer unknown) {
        return new BootSettings(URI.create(PUBLIC_URL), 8, unknown, FAMILY_DEFAULTS, 10);
    }

    /** AlmaLinux 9.4 on DHCP, token "tok-alma", two NICs (the second one provisions), kernelcmd set. */
    public static Host alma(boolean build) {
        return new Host("alma01.example.com", build, "tok-alma",
                List.of(new Nic(MacAddress.parse("52:54:00:12:34:55"), "", "eth0", false),
                        new Nic(ALMA_MAC, "192.0.2.11", "eth1", true)),
                new OperatingSystem("AlmaLinux", "Redhat", "9", "4", "x86_64", ""),
                "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os/",
                Subnet.DHCP,
                Map.of("kernelcmd", "console=ttyS0", "ssh_authorized_keys", "ssh-ed25519 AAAAC3Nza test@example"),
                Map.of(), "rev-1", "hosts/alma01.yaml");
    }

    /** CentOS 7 on a static subnet, no token: older Anaconda reads ks= and a static ip=. */
    public static Host centos7Static() {
        return new Host("c7.example.com", true, "",
                List.of(new Nic(MacAddress.parse("52:54:00:00:c7:07"), "192.0.2.70", "ens3", true)),
                new OperatingSystem("CentOS", "Redhat", "7", "9", "x86_64", ""),
                "http://mirror.example.com/centos/7/os/x86_64",
                new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53", "192.0.2.54"), "static"),
                Map.of("blacklist", "nouveau, floppy"), Map.of(), "", "");
    }

    /** Debian 12 (bookworm) on DHCP with a token, kernel and initrd from bootproxy's /pub/ as in the lab. */
    public static Host debian(boolean build) {
        return new Host("deb01.example.com", build, "tok-deb",
                List.of(new Nic(DEBIAN_MAC, "", "", true)),
                new OperatingSystem("Debian", "Debian", "12", "", "x86_64", "bookworm"),
                "http://deb.debian.org/debian",
                Subnet.DHCP,
                Map.of("kernel_url", PUBLIC_URL + "/pub/vmlinuz", "initrd_url", PUBLIC_URL + "/pub/initrd.img",
                        "packages", "vim, curl"),
                Map.of(), "", "");
    }

    /** Debian 12 on a static subnet. */
    public static Host debianStatic() {
        return new Host("deb02.example.com", true, "",
                List.of(new Nic(MacAddress.parse("52:54:00:00:de:b2"), "192.0.2.40", "ens3", true)),
                new OperatingSystem("Debian", "Debian", "12", "", "x86_64", "bookworm"),
                "https://deb.debian.org/debian",
                new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53"), "static"),
                Map.of(), Map.of(), "", "");
    }

    /** Ubuntu 24.04 (Foreman's Debian family) whose host file picks the autoinstall templates. */
    public static Host ubuntu(boolean build) {
        return new Host("noble01", build, "",
                List.of(new Nic(UBUNTU_MAC, "192.0.2.60", "ens3", true)),
                new OperatingSystem("Ubuntu", "Debian", "24", "04", "x86_64", "noble"),
                "http://mirror.example.com/ubuntu-24.04",
                new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53"), "static"),
                Map.of("iso_url", "http://mirror.example.com/iso/ubuntu-24.04-live-server-amd64.iso",
                        "ssh_authorized_keys", "ssh-ed25519 AAAAkey1 a@x\n\nssh-ed25519 AAAAkey2 b@x\n",
                        "root_password_hash", "$6$salt$hash\"quoted"),
                Map.of(TemplateKind.IPXE, "ipxe/autoinstall",
                        TemplateKind.USER_DATA, "provision/autoinstall-user-data",
                        TemplateKind.META_DATA, "provision/autoinstall-meta-data"),
                "", "");
    }

    /** iPXE asking for one NIC's MAC, with the machine's SMBIOS facts. */
    public static BootRequest ipxeAsks(MacAddress mac) {
        return new BootRequest("192.0.2.100", List.of(mac), "", false,
                new MachineFacts("SN-1234", "QEMU", "Standard PC", List.of()));
    }

    /** What the intermediate script sends after its last NIC: every MAC and the facts. */
    public static BootRequest unknownMachineReports() {
        return new BootRequest("192.0.2.100", List.of(), "", false,
                new MachineFacts("SN && reboot", "ACME ${x}", "Box | 9",
                        List.of(UNKNOWN_MAC, MacAddress.parse("52:54:00:ff:ff:02"))));
    }

    public static RenderContext context(Host host, TemplateKind kind) {
        BootRequest request = host == null ? ipxeAsks(UNKNOWN_MAC) : ipxeAsks(host.provisionInterface().mac());
        return context(host, kind, request);
    }

    public static RenderContext context(Host host, TemplateKind kind, BootRequest request) {
        BootSettings settings = settings();
        return new RenderContext(Optional.ofNullable(host), request, kind, new BootUrls(settings), settings);
    }
}
