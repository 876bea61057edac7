package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HostFileParserTest {

    private static final Path FILE = Path.of("hosts/web01.yaml");

    private static final String MINIMAL = """
            name: web01.example.com
            interfaces:
              - mac: 52:54:00:aa:00:01
            os:
              family: Redhat
            """;

    private final HostFileParser parser = new HostFileParser();

    private Host parse(String yaml) throws HostFileInvalid {
        return parser.parse(FILE, yaml.getBytes(StandardCharsets.UTF_8)).host();
    }

    private List<HostFileProblem> problems(String yaml) {
        return catchThrowableOfType(HostFileInvalid.class, () -> parse(yaml)).problems();
    }

    @Test
    void everyKeyIsRead() throws Exception {
        Host h = parse("""
                name: web01.example.com
                build: true
                token: tok-123
                interfaces:
                  - mac: 52:54:00:aa:00:01
                    ip: 192.0.2.11
                    identifier: eth0
                    provision: false
                  - mac: 52:54:00:aa:00:02
                    ip: 192.0.2.12
                    identifier: eth1
                    provision: true
                os:
                  name: Debian
                  family: Debian
                  major: 12
                  minor: 04
                  arch: aarch64
                  release_name: bookworm
                medium: http://deb.example.com/debian/
                subnet:
                  mask: 255.255.255.0
                  gateway: 192.0.2.1
                  dns: [192.0.2.53, "2001:db8::53"]
                  boot_mode: Static
                params:
                  kernelcmd: console=ttyS0
                  retries: 3
                  debug: true
                  empty:
                templates:
                  iPXE: ipxe/preseed
                  provision: preseed/custom
                """);
        assertThat(h.name()).isEqualTo("web01.example.com");
        assertThat(h.build()).isTrue();
        assertThat(h.token()).isEqualTo("tok-123");
        assertThat(h.interfaces()).hasSize(2);
        assertThat(h.interfaces().get(0).ip()).isEqualTo("192.0.2.11");
        assertThat(h.interfaces().get(0).identifier()).isEqualTo("eth0");
        assertThat(h.provisionInterface().mac()).isEqualTo(MacAddress.parse("52:54:00:aa:00:02"));
        assertThat(h.os().name()).isEqualTo("Debian");
        assertThat(h.os().family()).isEqualTo("Debian");
        assertThat(h.os().major()).isEqualTo("12");
        assertThat(h.os().minor()).as("versions keep their spelling").isEqualTo("04");
        assertThat(h.os().arch()).isEqualTo("aarch64");
        assertThat(h.os().releaseName()).isEqualTo("bookworm");
        assertThat(h.medium()).as("trailing slash dropped").isEqualTo("http://deb.example.com/debian");
        assertThat(h.subnet().mask()).isEqualTo("255.255.255.0");
        assertThat(h.subnet().gateway()).isEqualTo("192.0.2.1");
        assertThat(h.subnet().dns()).containsExactly("192.0.2.53", "2001:db8::53");
        assertThat(h.subnet().isStatic()).isTrue();
        assertThat(h.params()).containsEntry("kernelcmd", "console=ttyS0").containsEntry("retries", "3")
                .containsEntry("debug", "true").containsEntry("empty", "");
        assertThat(h.templates()).containsEntry(TemplateKind.IPXE, "ipxe/preseed")
                .containsEntry(TemplateKind.PROVISION, "preseed/custom");
        assertThat(h.source()).isEqualTo(FILE.toString());
        assertThat(h.revision()).hasSize(64);
    }

    @Test
    void missingOptionalKeysGetSafeDefaults() throws Exception {
        Host h = parse(MINIMAL);
        assertThat(h.build()).as("nothing reinstalls unless asked").isFalse();
        assertThat(h.token()).isEmpty();
        assertThat(h.os().arch()).isEqualTo("x86_64");
        assertThat(h.medium()).isEmpty();
        assertThat(h.subnet().bootMode()).isEqualTo("dhcp");
        assertThat(h.params()).isEmpty();
        assertThat(h.templates()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"52:54:00:aa:00:01", "52-54-00-AA-00-01", "525400aa0001", "\"525400AA0001\"", "5254.00aa.0001"})
    void macIsReadInAnyUsualSpelling(String spelling) throws Exception {
        Host h = parse(MINIMAL.replace("52:54:00:aa:00:01", spelling));
        assertThat(h.interfaces().get(0).mac().colons()).isEqualTo("52:54:00:aa:00:01");
    }

    @Test
    void allDigitMacWrittenWithoutQuotesKeepsItsLeadingZeros() throws Exception {
        Host h = parse(MINIMAL.replace("52:54:00:aa:00:01", "005400110022"));
        assertThat(h.interfaces().get(0).mac().colons()).isEqualTo("00:54:00:11:00:22");
    }

    @Test
    void dnsMayBeASingleServer() throws Exception {
        Host h = parse(MINIMAL + "subnet:\n  dns: 192.0.2.53\n  mask: 24\n");
        assertThat(h.subnet().dns()).containsExactly("192.0.2.53");
        assertThat(h.subnet().mask()).as("prefix length becomes a netmask").isEqualTo("255.255.255.0");
    }

    @Test
    void revisionIsTheHashOfTheBytesSoACommentChangesIt() throws Exception {
        assertThat(parse(MINIMAL).revision()).isEqualTo(parse(MINIMAL).revision())
                .isNotEqualTo(parse("# rebuilt 2024-05-01\n" + MINIMAL).revision());
    }

    @Test
    void unknownKeyIsNamedWithItsLineAndTheAllowedKeys() {
        List<HostFileProblem> problems = problems(MINIMAL + "buidl: true\n");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(6);
        assertThat(problems.get(0).message()).contains("unknown key 'buidl'", "did you mean 'build'",
                "allowed: name, build, token, interfaces, os, medium, subnet, params, templates");
        assertThat(problems.get(0).toString()).startsWith("hosts/web01.yaml line 6: unknown key 'buidl'");
    }

    @Test
    void unknownNestedKeyIsNamedWithItsSection() {
        List<HostFileProblem> problems = problems(MINIMAL.replace("family: Redhat", "family: Redhat\n  famliy: x"));
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("unknown key 'os.famliy'", "allowed in os: name, family, major");
        });
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        List<HostFileProblem> problems = problems("name: web01\ninterfaces:\n  - mac: 52:54:00:aa:00:01\n   ip: x: y\n");
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).startsWith("not valid YAML").doesNotContain("\n");
        });
    }

    @Test
    void everyProblemInAFileIsReportedAtOnce() {
        List<HostFileProblem> problems = problems("""
                name: web 01
                interfaces:
                  - mac: 52:54:00:zz:00:01
                    ip: 192.0.2.300
                os:
                  name: Alma
                subnet:
                  boot_mode: bootp
                """);
        assertThat(problems).extracting(HostFileProblem::line).containsExactly(1, 3, 4, 5, 8);
        assertThat(problems).extracting(HostFileProblem::message).satisfiesExactly(
                m -> assertThat(m).contains("name: 'web 01' is not a host name"),
                m -> assertThat(m).contains("interfaces[0].mac: not a MAC address: '52:54:00:zz:00:01'"),
                m -> assertThat(m).contains("interfaces[0].ip: '192.0.2.300' is not an IPv4 address"),
                m -> assertThat(m).contains("os.family is missing"),
                m -> assertThat(m).contains("subnet.boot_mode: 'bootp' is not allowed (allowed: dhcp, static)"));
    }

    @Test
    void missingRequiredKeysAreNamed() {
        assertThat(problems("build: true\n")).extracting(HostFileProblem::message).satisfiesExactly(
                m -> assertThat(m).startsWith("name is missing"),
                m -> assertThat(m).startsWith("interfaces is missing"),
                m -> assertThat(m).startsWith("os is missing"));
    }

    @Test
    void unknownTemplateKindNamesTheAllowedKinds() {
        assertThat(problems(MINIMAL + "templates:\n  kickstart: x/y\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).contains("unknown kind 'kickstart'", TemplateKind.allowedNames());
        });
    }

    @Test
    void wrongTypesSayWhatWasExpected() {
        assertThat(problems(MINIMAL + "build: maybe\nparams:\n  a: [1, 2]\n"))
                .extracting(HostFileProblem::message).containsExactly(
                        "build: expected true or false, found 'maybe'",
                        "params.a: expected a plain value (text, number or true/false), found a list");
    }

    @Test
    void staticBootModeNeedsTheProvisioningAddress() {
        assertThat(problems(MINIMAL + "subnet:\n  boot_mode: static\n  mask: 24\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("static but the provisioning interface", "has no ip"));
    }

    @Test
    void oneInterfaceOnlyMayProvision() {
        String two = MINIMAL.replace("  - mac: 52:54:00:aa:00:01\n",
                "  - mac: 52:54:00:aa:00:01\n    provision: true\n  - mac: 52:54:00:aa:00:02\n    provision: true\n");
        assertThat(problems(two)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("only one interface may have provision: true", "line 4");
        });
    }

    @Test
    void mediumMustBeAUrl() {
        assertThat(problems(MINIMAL + "medium: mirror.example.com/alma\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("medium: 'mirror.example.com/alma'", "http://"));
    }

    @Test
    void wholeVersionInMajorIsRefused() {
        assertThat(problems(MINIMAL.replace("family: Redhat", "family: Redhat\n  major: 9.4")))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("os.major: '9.4'", "minor"));
    }

    @Test
    void duplicateKeyIsAnError() {
        assertThat(problems(MINIMAL + "name: other\n")).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.message()).contains("key 'name' appears twice (lines 1 and 6)");
        });
    }

    @Test
    void aliasesAreRefusedRatherThanMisread() {
        assertThat(problems(MINIMAL + "params:\n  a: &x one\n  b: *x\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("aliases"));
    }

    @Test
    void aSecondDocumentIsRefused() {
        assertThat(problems(MINIMAL + "---\n" + MINIMAL)).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("one host per file"));
    }

    @Test
    void emptyFileSaysSo() {
        assertThat(problems("# nothing yet\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("the file is empty"));
    }

    @Test
    void topLevelListIsRefused() {
        assertThatThrownBy(() -> parse("- name: web01\n")).isInstanceOf(HostFileInvalid.class)
                .hasMessageContaining("a host file is a map of keys");
    }
}
