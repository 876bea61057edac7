package org.bootproxy.dhcp;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Kea DHCPv4: one client class per kind of client. A packet may join several classes and Kea then takes the boot
 * fields from the first, so each class's test also excludes the kinds before it ({@code not member('…')}), and
 * exactly one class fits any client. {@code boot-file-name} fills the BOOTP file field (shim needs it there).
 */
final class KeaConfig {
    private KeaConfig() {
    }

    private static final String HTTP_CLIENT = "substring(option[60].hex,0,10) == 'HTTPClient'";

    static String write(BootPlan p) {
        List<String> classes = new ArrayList<>();
        classes.add(clazz("ipxe", "substring(option[77].hex,0,4) == 'iPXE'", p.answer(ClientKind.IPXE), null, false));
        classes.add(clazz("httpboot-arm64", "not member('ipxe') and " + HTTP_CLIENT + " and " + arch(19),
                p.answer(ClientKind.HTTP_ARM64), null, true));
        classes.add(clazz("httpboot-x64", "not member('ipxe') and not member('httpboot-arm64') and " + HTTP_CLIENT,
                p.answer(ClientKind.HTTP_X64), null, true));
        String notHttp = "not member('ipxe') and not member('httpboot-arm64') and not member('httpboot-x64')";
        classes.add(clazz("uefi-arm64", notHttp + " and " + arches(ClientKind.UEFI_ARM64), p.answer(ClientKind.UEFI_ARM64),
                p.nextServer(), false));
        classes.add(clazz("uefi-x64", notHttp + " and not member('uefi-arm64') and " + arches(ClientKind.UEFI_X64),
                p.answer(ClientKind.UEFI_X64), p.nextServer(), false));
        // only PXE clients: a laptop asking for an address gets no boot file
        classes.add(clazz("bios", notHttp + " and not member('uefi-arm64') and not member('uefi-x64') and ("
                        + arch(0) + " or substring(option[60].hex,0,9) == 'PXEClient')",
                p.answer(ClientKind.BIOS), p.nextServer(), false));

        StringBuilder b = new StringBuilder();
        b.append("// Kea DHCPv4: network boot through bootproxy (bootproxy dhcp-config --format kea).\n");
        b.append("// Check: kea-dhcp4 -t /etc/kea/kea-dhcp4.conf. Merge \"client-classes\" into your Dhcp4 configuration.\n");
        b.append("{\n  \"Dhcp4\": {\n");
        b.append("    \"client-classes\": [\n");
        b.append(String.join(",\n", classes)).append('\n');
        b.append("    ]");
        p.subnet().ifPresent(s -> b.append(",\n    \"subnet4\": [\n      {\n")
                .append("        \"subnet\": \"").append(s.network()).append('/').append(s.prefix()).append("\",\n")
                .append("        \"pools\": [ { \"pool\": \"").append(s.first()).append(" - ").append(s.last()).append("\" } ]\n")
                .append("      }\n    ]"));
        b.append("\n  }\n}\n");
        return b.toString();
    }

    private static String clazz(String name, String test, String file, String nextServer, boolean httpClientOption) {
        StringBuilder b = new StringBuilder();
        b.append("      {\n");
        b.append("        \"name\": \"").append(name).append("\",\n");
        b.append("        \"test\": \"").append(test).append("\",\n");
        if (nextServer != null) {
            b.append("        \"next-server\": \"").append(nextServer).append("\",\n");
        }
        if (httpClientOption) {
            b.append("        \"option-data\": [ { \"name\": \"vendor-class-identifier\", \"data\": \"HTTPClient\",")
                    .append(" \"always-send\": true } ],\n");
        }
        b.append("        \"boot-file-name\": \"").append(file).append("\"\n");
        b.append("      }");
        return b.toString();
    }

    private static String arches(ClientKind kind) {
        String tests = kind.arches().stream().map(KeaConfig::arch).collect(Collectors.joining(" or "));
        return kind.arches().size() > 1 ? "(" + tests + ")" : tests;
    }

    private static String arch(int code) {
        return String.format("option[93].hex == 0x%04x", code);
    }
}
