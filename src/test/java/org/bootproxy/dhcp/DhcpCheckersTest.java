package org.bootproxy.dhcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bootproxy.tftp.ExternalProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every format {@code dhcp-config} writes passes its DHCP server's own configuration checker (Debian packages
 * isc-dhcp-server, dnsmasq-base and kea-dhcp4-server, installed by .ci/run), for every loader choice, as a snippet
 * and as a whole configuration with a subnet. Each output covers BIOS, x64 and ARM64 UEFI, HTTP Boot and the
 * iPXE loop-break (the semantics are checked in DhcpSemanticsTest).
 */
class DhcpCheckersTest {
    @TempDir
    Path dir;

    static final URI PUBLIC = URI.create("http://192.0.2.1:8000");
    static final Ipv4Range SEGMENT = Ipv4Range.parse("192.0.2.0/24", "192.0.2.100-192.0.2.199");

    static Stream<Arguments> plans() {
        List<Arguments> all = new ArrayList<>();
        for (DhcpFormat f : DhcpFormat.values()) {
            for (BootPlan.Uefi uefi : BootPlan.Uefi.values()) {
                for (BootPlan.Bios bios : BootPlan.Bios.values()) {
                    all.add(Arguments.of(f, bios, uefi, false));
                    all.add(Arguments.of(f, bios, uefi, true));
                }
            }
        }
        return all.stream();
    }

    static List<String> checker(DhcpFormat f, Path file) {
        return switch (f) {
            case ISC -> List.of("/usr/sbin/dhcpd", "-t", "-cf", file.toString());
            case DNSMASQ, DNSMASQ_PROXY -> List.of("/usr/sbin/dnsmasq", "--test", "-C", file.toString());
            case KEA -> List.of("/usr/sbin/kea-dhcp4", "-t", file.toString());
        };
    }

    static void requireChecker(DhcpFormat f) {
        switch (f) {
            case ISC -> ExternalProcess.requireProgram("/usr/sbin/dhcpd", "isc-dhcp-server");
            case DNSMASQ, DNSMASQ_PROXY -> ExternalProcess.requireProgram("/usr/sbin/dnsmasq", "dnsmasq-base");
            case KEA -> ExternalProcess.requireProgram("/usr/sbin/kea-dhcp4", "kea-dhcp4-server");
        }
    }

    ExternalProcess check(DhcpFormat f, String text) throws Exception {
        requireChecker(f);
        Path file = Files.createTempFile(dir, f.label(), ".conf");
        Files.writeString(file, text);
        return ExternalProcess.run(dir, checker(f, file));
    }

    @ParameterizedTest(name = "{0} bios={1} uefi={2} subnet={3}")
    @MethodSource("plans")
    void passesItsServersOwnChecker(DhcpFormat f, BootPlan.Bios bios, BootPlan.Uefi uefi, boolean withSubnet) throws Exception {
        BootPlan plan = BootPlan.of("192.0.2.1", PUBLIC, bios, uefi, withSubnet ? Optional.of(SEGMENT) : Optional.empty());
        String text = f.write(plan);

        ExternalProcess r = check(f, text);

        assertThat(r.exitCode()).as(r.output() + "\n--- " + f.label() + " ---\n" + text).isZero();
        assertThat(text).contains(plan.answer(ClientKind.IPXE)).contains(plan.answer(ClientKind.BIOS))
                .contains(plan.answer(ClientKind.UEFI_X64)).contains(plan.answer(ClientKind.UEFI_ARM64));
        if (f != DhcpFormat.DNSMASQ_PROXY) {
            assertThat(text).contains(plan.answer(ClientKind.HTTP_X64)).contains(plan.answer(ClientKind.HTTP_ARM64))
                    .contains("HTTPClient");
        }
    }

    /** The checkers really check: one wrong keyword in each output makes them fail. */
    @Test
    void theCheckersRejectAConfigurationWithOneMistake() throws Exception {
        BootPlan plan = BootPlan.of("192.0.2.1", PUBLIC, BootPlan.Bios.PXELINUX, BootPlan.Uefi.IPXE, Optional.of(SEGMENT));
        assertThat(check(DhcpFormat.ISC, DhcpFormat.ISC.write(plan).replace("next-server", "next-srever")).exitCode())
                .isNotZero();
        assertThat(check(DhcpFormat.DNSMASQ, DhcpFormat.DNSMASQ.write(plan).replace("dhcp-match", "dhcp-matsh")).exitCode())
                .isNotZero();
        assertThat(check(DhcpFormat.DNSMASQ_PROXY, DhcpFormat.DNSMASQ_PROXY.write(plan).replace("pxe-service", "pxe-servise"))
                .exitCode()).isNotZero();
        assertThat(check(DhcpFormat.KEA, DhcpFormat.KEA.write(plan).replace("member('ipxe')", "member('no-such-class')"))
                .exitCode()).isNotZero();
    }
}
