package org.bootproxy.dhcp;

/**
 * dnsmasq. Clients are tagged by what they send (user class, vendor class, option 93), and every {@code dhcp-boot}
 * line names the tags it needs and the ones it must not have, so exactly one line fits each kind of client and the
 * order of the lines does not matter (dnsmasq's own pick among several fitting lines is not something to rely on).
 */
final class DnsmasqConfig {
    private DnsmasqConfig() {
    }

    static String write(BootPlan p) {
        StringBuilder b = new StringBuilder();
        b.append("# dnsmasq: network boot through bootproxy (bootproxy dhcp-config --format dnsmasq).\n");
        b.append("# Check: dnsmasq --test -C /etc/dnsmasq.d/bootproxy.conf\n");
        p.subnet().ifPresent(s -> b.append("dhcp-range=").append(s.first()).append(',').append(s.last()).append(',')
                .append(s.netmask()).append(",12h\n"));
        tags(b);
        b.append("# UEFI HTTP Boot accepts only an answer with option 60 HTTPClient and a URL\n");
        b.append("dhcp-option-force=tag:httpboot,tag:!ipxe,option:vendor-class,HTTPClient\n");
        b.append("# one line per kind of client; their tags exclude each other\n");
        boot(b, "tag:ipxe", p.answer(ClientKind.IPXE), null);
        boot(b, "tag:!ipxe,tag:httpboot,tag:arch19", p.answer(ClientKind.HTTP_ARM64), null);
        boot(b, "tag:!ipxe,tag:httpboot,tag:!arch19", p.answer(ClientKind.HTTP_X64), null);
        boot(b, "tag:!ipxe,tag:!httpboot,tag:arm64", p.answer(ClientKind.UEFI_ARM64), p.nextServer());
        boot(b, "tag:!ipxe,tag:!httpboot,tag:!arm64,tag:efi64", p.answer(ClientKind.UEFI_X64), p.nextServer());
        boot(b, "tag:!ipxe,tag:!httpboot,tag:!arm64,tag:!efi64", p.answer(ClientKind.BIOS), p.nextServer());
        b.append("# keep the boot file in the BOOTP file field: shim reads grubx64.efi's folder only from there\n");
        b.append("dhcp-no-override\n");
        return b.toString();
    }

    /**
     * Proxy DHCP: another server keeps handing out addresses, dnsmasq only adds the PXE answer ({@code pxe-service},
     * one per client system type; the basename is used as written because it has a suffix). UEFI HTTP Boot is not
     * covered: dnsmasq answers as a proxy only to vendor class PXEClient, so HTTP Boot needs the DHCP server's own
     * configuration (isc, dnsmasq or kea format).
     */
    static String writeProxy(BootPlan p) {
        StringBuilder b = new StringBuilder();
        b.append("# dnsmasq as proxy DHCP beside your DHCP server (bootproxy dhcp-config --format dnsmasq-proxy).\n");
        b.append("# Check: dnsmasq --test -C /etc/dnsmasq.d/bootproxy.conf\n");
        b.append("# UEFI HTTP Boot is not answered by a proxy (dnsmasq proxies PXEClient only): configure it on the DHCP server.\n");
        b.append("# DNS off: this dnsmasq only adds network-boot answers.\n");
        b.append("port=0\n");
        String network = p.subnet().map(Ipv4Range::network).orElse(p.nextServer());
        String mask = p.subnet().map(s -> "," + s.netmask()).orElse("");
        b.append("dhcp-range=").append(network).append(",proxy").append(mask).append('\n');
        b.append("dhcp-userclass=set:ipxe,iPXE\n");
        b.append("pxe-prompt=\"bootproxy\",0\n");
        String[][] services = {
            {"x86PC", ClientKind.BIOS.name()},
            {"BC_EFI", ClientKind.UEFI_X64.name()},
            {"x86-64_EFI", ClientKind.UEFI_X64.name()},
            {"ARM64_EFI", ClientKind.UEFI_ARM64.name()}};
        for (String[] s : services) {
            String file = p.answer(ClientKind.valueOf(s[1]));
            b.append("pxe-service=tag:!ipxe,").append(s[0]).append(",\"bootproxy\",").append(file).append(',')
                    .append(p.nextServer()).append('\n');
            b.append("pxe-service=tag:ipxe,").append(s[0]).append(",\"bootproxy\",").append(p.answer(ClientKind.IPXE))
                    .append('\n');
        }
        return b.toString();
    }

    private static void tags(StringBuilder b) {
        b.append("dhcp-userclass=set:ipxe,iPXE\n");
        b.append("dhcp-vendorclass=set:httpboot,HTTPClient\n");
        b.append("dhcp-match=set:arch19,option:client-arch,19\n");
        b.append("dhcp-match=set:arm64,option:client-arch,11\n");
        b.append("dhcp-match=set:efi64,option:client-arch,7\n");
        b.append("dhcp-match=set:efi64,option:client-arch,9\n");
    }

    private static void boot(StringBuilder b, String tags, String file, String server) {
        b.append("dhcp-boot=").append(tags).append(',').append(file);
        if (server != null) {
            b.append(",bootproxy,").append(server);
        }
        b.append('\n');
    }
}
