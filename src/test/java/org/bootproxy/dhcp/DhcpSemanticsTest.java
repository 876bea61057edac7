package org.bootproxy.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each generated configuration hands each kind of client, worked out the way the server reads it: dnsmasq's
 * tags (every dhcp-boot line whose tags all hold fits; exactly one may, so the order of the lines cannot matter),
 * dhcpd's first-true if/elsif branch, Kea's classes (a class's {@code member()} sees only classes before it; exactly
 * one may fit). The clients and their option 60/77/93 values are listed in {@link Client}.
 * The file names are Foreman's (theforeman/foreman-bootloaders README.md: grub2/grubx64.efi, grub2/shimx64.efi,
 * grub2/grubaa64.efi).
 */
class DhcpSemanticsTest {
    static final URI PUBLIC = URI.create("http://192.0.2.1:8000");

    static List<Client> clients() {
        return Client.ALL;
    }

    static BootPlan plan(BootPlan.Uefi uefi) {
        return BootPlan.of("192.0.2.1", PUBLIC, BootPlan.Bios.PXELINUX, uefi, Optional.empty());
    }

    // ---------------------------------------------------------------- dnsmasq

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void dnsmasqGivesEachClientExactlyOneBootLineWhateverTheirOrder(Client c) {
        BootPlan p = plan(BootPlan.Uefi.SHIM);
        List<String> lines = DhcpFormat.DNSMASQ.write(p).lines().toList();
        List<String> tags = dnsmasqTags(lines, c);

        List<String> fitting = lines.stream().filter(l -> l.startsWith("dhcp-boot=")).filter(l -> holds(l, tags)).toList();

        assertThat(fitting).as("dhcp-boot lines fitting %s (tags %s)", c, tags).hasSize(1);
        String[] fields = fitting.get(0).substring("dhcp-boot=".length()).split(",");
        List<String> values = List.of(fields).stream().filter(f -> !f.startsWith("tag:")).toList();
        assertThat(values.get(0)).isEqualTo(p.answer(c.expected()));
        if (!values.get(0).startsWith("http")) {
            assertThat(values).as("next-server of a TFTP answer").endsWith("192.0.2.1");
        }
        boolean option60 = lines.stream().filter(l -> l.startsWith("dhcp-option-force=")).filter(l -> holds(l, tags))
                .anyMatch(l -> l.endsWith("option:vendor-class,HTTPClient"));
        assertThat(option60).as("option 60 HTTPClient sent back").isEqualTo(c.expected().httpBoot());
        assertThat(lines).contains("dhcp-no-override");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void dnsmasqProxyGivesEachPxeClientExactlyOneService(Client c) {
        BootPlan p = plan(BootPlan.Uefi.IPXE);
        List<String> lines = DhcpFormat.DNSMASQ_PROXY.write(p).lines().toList();
        List<String> tags = dnsmasqTags(lines, c);
        Map<String, Integer> csa = Map.of("x86PC", 0, "BC_EFI", 7, "x86-64_EFI", 9, "ARM64_EFI", 11);

        List<String> fitting = lines.stream().filter(l -> l.startsWith("pxe-service=")).filter(l -> holds(l, tags))
                .filter(l -> csa.get(l.split(",")[1]) == c.arch()).toList();

        if (c.expected().httpBoot()) {
            // a proxy answers PXEClient only: the output says HTTP Boot belongs in the DHCP server's own configuration
            assertThat(fitting).isEmpty();
            assertThat(lines).anyMatch(l -> l.contains("UEFI HTTP Boot is not answered by a proxy"));
            return;
        }
        assertThat(fitting).as("pxe-service lines for %s", c).hasSize(1);
        assertThat(fitting.get(0).split(",")[3]).isEqualTo(p.answer(c.expected()));
        assertThat(lines).anyMatch(l -> l.startsWith("dhcp-range=") && l.contains(",proxy"));
    }

    /** The tags dnsmasq sets for a client: user and vendor classes match as substrings, client-arch exactly. */
    static List<String> dnsmasqTags(List<String> lines, Client c) {
        List<String> tags = new ArrayList<>();
        for (String l : lines) {
            String[] kv = l.split("=", 2);
            if (kv.length < 2) {
                continue;
            }
            String[] f = kv[1].split(",");
            String tag = f[0].startsWith("set:") ? f[0].substring(4) : null;
            boolean set = switch (kv[0]) {
                case "dhcp-userclass" -> c.userClass().contains(f[1]);
                case "dhcp-vendorclass" -> c.vendorClass().contains(f[1]);
                case "dhcp-match" -> f[1].equals("option:client-arch") && Integer.parseInt(f[2]) == c.arch();
                default -> false;
            };
            if (set && tag != null) {
                tags.add(tag);
            }
        }
        return tags;
    }

    static boolean holds(String line, List<String> tags) {
        for (String f : line.split("=", 2)[1].split(",")) {
            if (f.startsWith("tag:!") && tags.contains(f.substring(5)) || f.startsWith("tag:") && !f.startsWith("tag:!")
                    && !tags.contains(f.substring(4))) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- ISC dhcpd

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void iscFirstTrueBranchGivesEachClientItsFile(Client c) {
        BootPlan p = plan(BootPlan.Uefi.GRUB2);
        List<String> lines = DhcpFormat.ISC.write(p).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        Map<String, String> set = new java.util.HashMap<>();
        new IscRun(lines, c, set).block(0, true);

        assertThat(set.get("filename")).isEqualTo(p.answer(c.expected()));
        assertThat(set.get("next-server")).isEqualTo("192.0.2.1");
        assertThat(set.containsKey("vendor-class-identifier")).as("option 60 HTTPClient sent back")
                .isEqualTo(c.expected().httpBoot());
    }

    /** A line-by-line reading of the if/elsif/else chains the ISC writer produces (one construct per line). */
    record IscRun(List<String> lines, Client c, Map<String, String> set) {
        /** Runs statements from {@code i} to the end of the block; returns the index of the closing line. */
        int block(int i, boolean run) {
            while (i < lines.size()) {
                String l = lines.get(i);
                if (l.startsWith("}")) {
                    return i;
                }
                if (l.startsWith("if ")) {
                    i = chain(i, run);
                } else {
                    if (run) {
                        statement(l);
                    }
                    i++;
                }
            }
            return i;
        }

        private int chain(int i, boolean run) {
            boolean taken = false;
            String head = lines.get(i);
            while (true) {
                boolean cond = head.startsWith("} else {") || cond(head.replaceFirst("^(\\} elsif |if )", "").replaceFirst(" \\{$", ""));
                boolean runThis = run && !taken && cond;
                taken |= runThis;
                int end = block(i + 1, runThis);
                head = lines.get(end);
                i = end;
                if (head.equals("}")) {
                    return i + 1;
                }
            }
        }

        private boolean cond(String text) {
            if (text.equals("exists user-class and option user-class = \"iPXE\"")) {
                return c.userClass().equals("iPXE");
            }
            if (text.equals("substring(option vendor-class-identifier, 0, 10) = \"HTTPClient\"")) {
                return c.vendorClass().startsWith("HTTPClient");
            }
            boolean any = false;
            for (String part : text.split(" or ")) {
                var m = java.util.regex.Pattern.compile("option arch = ([0-9a-f]{2}):([0-9a-f]{2})").matcher(part);
                if (!m.matches()) {
                    throw new AssertionError("condition this reading does not know: " + text);
                }
                any |= Integer.parseInt(m.group(1) + m.group(2), 16) == c.arch();
            }
            return any;
        }

        private void statement(String l) {
            if (l.startsWith("filename ")) {
                set.put("filename", l.replaceAll("^filename \"(.*)\";$", "$1"));
            } else if (l.startsWith("next-server ")) {
                set.put("next-server", l.replaceAll("^next-server (.*);$", "$1"));
            } else if (l.startsWith("option vendor-class-identifier ")) {
                set.put("vendor-class-identifier", l);
            }
        }
    }

    // ---------------------------------------------------------------- Kea

    @ParameterizedTest(name = "{0}")
    @MethodSource("clients")
    void keaPutsEachClientIntoExactlyOneClassWithItsFile(Client c) throws Exception {
        BootPlan p = plan(BootPlan.Uefi.IPXE);
        List<JsonNode> fitting = keaClassesOf(p, c);
        assertThat(fitting).as("classes of %s", c).hasSize(1);
        JsonNode k = fitting.get(0);
        assertThat(k.get("boot-file-name").asText()).isEqualTo(p.answer(c.expected()));
        assertThat(k.has("next-server")).isEqualTo(!p.answer(c.expected()).startsWith("http"));
        assertThat(k.at("/option-data/0/data").asText("")).isEqualTo(c.expected().httpBoot() ? "HTTPClient" : "");
    }

    @ParameterizedTest
    @EnumSource(BootPlan.Uefi.class)
    void aLaptopAskingKeaForAnAddressGetsNoBootFile(BootPlan.Uefi uefi) throws Exception {
        assertThat(keaClassesOf(plan(uefi), new Client("laptop", "", "MSFT 5.0", -1, null))).isEmpty();
    }

    /** The client classes a client joins, tested in order as Kea does ({@code member()} sees the classes before). */
    static List<JsonNode> keaClassesOf(BootPlan p, Client c) throws Exception {
        JsonNode classes = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build()
                .readTree(DhcpFormat.KEA.write(p)).at("/Dhcp4/client-classes");
        List<String> member = new ArrayList<>();
        List<JsonNode> joined = new ArrayList<>();
        for (JsonNode k : classes) {
            if (new KeaExpression(k.get("test").asText(), c, member).evaluate()) {
                member.add(k.get("name").asText());
                joined.add(k);
            }
        }
        return joined;
    }
}
