package org.bootproxy.render;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.BootUrls;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.bootproxy.fakes.Hosts;

/**
 * Requests and settings for rendering templates in tests. The hosts are the shared ones in {@link Hosts}:
 * alma01, c7 (Red Hat family), deb01, deb02 (Debian), noble01 (Ubuntu), on DHCP or static subnets.
 */
public final class TemplateFixtures {

    public static final String PUBLIC_URL = Hosts.PUBLIC_URL;

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
                    TemplateKind.FINISH, "finish/preseed"),
            "Fcos", Map.of(
                    TemplateKind.IPXE, "ipxe/coreos",
                    TemplateKind.PROVISION, "ignition/coreos",
                    TemplateKind.IGNITION, "ignition/coreos"));

    public static BootSettings settings() {
        return settings(UnknownMachineAnswer.MESSAGE);
    }

    public static BootSettings settings(UnknownMachineAnswer unknown) {
        return new BootSettings(URI.create(PUBLIC_URL), 8, unknown, FAMILY_DEFAULTS, 10);
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
                        List.of(Hosts.UNKNOWN_MAC, MacAddress.parse("52:54:00:ff:ff:02"))));
    }

    public static RenderContext context(Host host, TemplateKind kind) {
        BootRequest request = host == null ? ipxeAsks(Hosts.UNKNOWN_MAC) : ipxeAsks(host.provisionInterface().mac());
        return context(host, kind, request);
    }

    public static RenderContext context(Host host, TemplateKind kind, BootRequest request) {
        BootSettings settings = settings();
        return new RenderContext(Optional.ofNullable(host), request, kind, new BootUrls(settings), settings);
    }
}
