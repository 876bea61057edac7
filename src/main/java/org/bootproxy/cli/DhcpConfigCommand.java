package org.bootproxy.cli;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.Overrides;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.dhcp.BootPlan;
import org.bootproxy.dhcp.DhcpFormat;
import org.bootproxy.dhcp.Ipv4Range;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bootproxy dhcp-config}: the DHCP server's side of network booting through this bootproxy. */
@Command(name = "dhcp-config", mixinStandardHelpOptions = true,
        description = {
            "Print the DHCP server configuration that sends network-booting machines to this bootproxy: "
                + "next-server, BIOS (arch 0), x86-64 UEFI (arch 7/9), ARM64 UEFI (arch 11), UEFI HTTP Boot (vendor "
                + "class HTTPClient, arch 16/19: a URL and option 60 HTTPClient) and the iPXE loop-break (user class "
                + "iPXE: the bootstrap URL). URLs come from template_url; next-server from tftp_servername, "
                + "tftp_address or template_url.",
            "Without --subnet it is the part to add to an existing configuration."})
final class DhcpConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--format", required = true, paramLabel = "isc|dnsmasq|dnsmasq-proxy|kea",
            description = "isc (ISC dhcpd), dnsmasq, dnsmasq-proxy (beside another DHCP server; no HTTP Boot) or kea")
    String format;

    @Option(names = "--bios", defaultValue = "pxelinux", paramLabel = "pxelinux|ipxe",
            description = "BIOS clients get pxelinux.0 (per-host pxelinux.cfg, then iPXE) or undionly-ipxe.0 (iPXE at once)."
                    + " Default: ${DEFAULT-VALUE}")
    String bios;

    @Option(names = "--uefi", defaultValue = "ipxe", paramLabel = "ipxe|grub2|shim",
            description = "UEFI clients get snponly.efi (iPXE; HTTP Boot: ipxe.efi), grub2/grubx64.efi, or grub2/shimx64.efi"
                    + " for Secure Boot. ARM64 always gets GRUB2 (grub2/grubaa64.efi, with shim grub2/shimaa64.efi). Default: ${DEFAULT-VALUE}")
    String uefi;

    @Option(names = "--next-server", paramLabel = "IPv4",
            description = "bootproxy's TFTP address as clients reach it. Default: tftp_servername, else tftp_address, else"
                    + " the host of template_url")
    String nextServer;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "bootproxy's HTTP URL as machines reach it (config key: template_url)")
    String publicUrl;

    @Option(names = "--subnet", paramLabel = "NETWORK/PREFIX",
            description = "The segment, e.g. 192.0.2.0/24: with --range, a configuration that also hands out addresses;"
                    + " for dnsmasq-proxy, the segment to answer on")
    String subnet;

    @Option(names = "--range", paramLabel = "FIRST-LAST", description = "Addresses to hand out, e.g. 192.0.2.100-192.0.2.199")
    String range;

    @Override
    public Integer call() {
        DhcpFormat f = parse(() -> DhcpFormat.parse(format));
        BootproxyConfig s = common.resolve(new Overrides(null, null, null, null, null, null, null, publicUrl));
        Optional<Ipv4Range> segment = segment();
        BootPlan plan = parse(() -> BootPlan.of(nextServer(s), s.publicUrl(), BootPlan.Bios.valueOf(choice("--bios", bios,
                "pxelinux, ipxe")), BootPlan.Uefi.valueOf(choice("--uefi", uefi, "ipxe, grub2, shim")), segment));
        if (s.publicUrlDerived()) {
            spec.commandLine().getErr().println("bootproxy dhcp-config: template_url is not set, so the URLs below use a guess ("
                    + s.publicUrl() + ", " + s.publicUrlGuess() + "); set template_url in the config (or --config the file that has it)");
        }
        spec.commandLine().getOut().print(f.write(plan));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Optional<Ipv4Range> segment() {
        if (subnet == null && range == null) {
            return Optional.empty();
        }
        if (subnet == null || range == null) {
            throw new ConfigException("--subnet and --range go together (e.g. --subnet 192.0.2.0/24 --range"
                    + " 192.0.2.100-192.0.2.199); without both, only the network-boot part is printed");
        }
        return Optional.of(parse(() -> Ipv4Range.parse(subnet, range)));
    }

    private String nextServer(BootproxyConfig s) {
        if (nextServer != null) {
            return nextServer.trim();
        }
        String servername = s.smartProxy().tftpServername();
        for (String candidate : new String[] {servername, s.tftpAddress().host(), s.publicUrl().getHost()}) {
            Optional<String> v4 = ipv4(candidate);
            if (v4.isPresent()) {
                return v4.get();
            }
        }
        throw new ConfigException("cannot tell bootproxy's IPv4 address for next-server: tftp_servername and tftp_address"
                + " are unset or wildcards and template_url's host " + s.publicUrl().getHost() + " does not resolve to IPv4;"
                + " give --next-server 192.0.2.1");
    }

    private static Optional<String> ipv4(String host) {
        if (host == null || host.isBlank() || host.equals("0.0.0.0") || host.contains(":")) {
            return Optional.empty();
        }
        try {
            InetAddress a = InetAddress.getByName(host);
            return a instanceof Inet4Address && !a.isAnyLocalAddress() ? Optional.of(a.getHostAddress()) : Optional.empty();
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** {@code value} upper-cased when it is one of {@code allowed} (comma-separated), else a message naming the flag. */
    static String choice(String flag, String value, String allowed) {
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        if (!allowed.toUpperCase(java.util.Locale.ROOT).matches(".*\\b" + java.util.regex.Pattern.quote(v) + "\\b.*")) {
            throw new ConfigException(flag + " '" + value + "' is not known; use " + allowed);
        }
        return v;
    }

    private static <T> T parse(java.util.function.Supplier<T> s) {
        try {
            return s.get();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
