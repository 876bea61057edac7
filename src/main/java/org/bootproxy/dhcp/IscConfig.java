package org.bootproxy.dhcp;

import java.util.List;
import java.util.stream.Collectors;

/**
 * ISC dhcpd: one if/elsif chain tested top to bottom, so iPXE (the loop-break) comes first and BIOS is the else.
 * {@code filename} fills the BOOTP file field (shim needs it there) and option 67.
 */
final class IscConfig {
    private IscConfig() {
    }

    static String write(BootPlan p) {
        StringBuilder b = new StringBuilder();
        b.append("# ISC dhcpd: network boot through bootproxy (bootproxy dhcp-config --format isc).\n");
        b.append("# Check: dhcpd -t -cf /etc/dhcp/dhcpd.conf\n");
        b.append("option arch code 93 = unsigned integer 16;\n");
        String indent = "";
        if (p.subnet().isPresent()) {
            Ipv4Range s = p.subnet().get();
            b.append("authoritative;\n");
            b.append("subnet ").append(s.network()).append(" netmask ").append(s.netmask()).append(" {\n");
            b.append("  range ").append(s.first()).append(' ').append(s.last()).append(";\n");
            indent = "  ";
        } else {
            b.append("# Put these lines into your subnet { } declaration (or leave them global for every subnet).\n");
        }
        b.append(indent).append("next-server ").append(p.nextServer()).append(";\n");
        b.append(indent).append("if exists user-class and option user-class = \"iPXE\" {\n");
        line(b, indent, "# " + ClientKind.IPXE.description() + ": the bootstrap script, not iPXE again");
        line(b, indent, "filename \"" + p.answer(ClientKind.IPXE) + "\";");
        b.append(indent).append("} elsif substring(option vendor-class-identifier, 0, 10) = \"HTTPClient\" {\n");
        line(b, indent, "# UEFI HTTP Boot: accepts only an answer with option 60 HTTPClient and a URL");
        line(b, indent, "option vendor-class-identifier \"HTTPClient\";");
        line(b, indent, "if option arch = " + hex(19) + " {");
        line(b, indent + "  ", "filename \"" + p.answer(ClientKind.HTTP_ARM64) + "\";");
        line(b, indent, "} else {");
        line(b, indent + "  ", "filename \"" + p.answer(ClientKind.HTTP_X64) + "\";");
        line(b, indent, "}");
        b.append(indent).append("} elsif ").append(arch(ClientKind.UEFI_ARM64)).append(" {\n");
        line(b, indent, "filename \"" + p.answer(ClientKind.UEFI_ARM64) + "\";");
        b.append(indent).append("} elsif ").append(arch(ClientKind.UEFI_X64)).append(" {\n");
        line(b, indent, "filename \"" + p.answer(ClientKind.UEFI_X64) + "\";");
        b.append(indent).append("} else {\n");
        line(b, indent, "# " + ClientKind.BIOS.description() + " and clients that send no architecture");
        line(b, indent, "filename \"" + p.answer(ClientKind.BIOS) + "\";");
        b.append(indent).append("}\n");
        if (p.subnet().isPresent()) {
            b.append("}\n");
        }
        return b.toString();
    }

    private static void line(StringBuilder b, String indent, String text) {
        b.append(indent).append("  ").append(text).append('\n');
    }

    private static String arch(ClientKind kind) {
        List<Integer> a = kind.arches();
        return a.stream().map(code -> "option arch = " + hex(code)).collect(Collectors.joining(" or "));
    }

    /** dhcpd compares option values as bytes: arch 7 is {@code 00:07}. */
    private static String hex(int code) {
        return String.format("%02x:%02x", code >> 8, code & 0xff);
    }
}
