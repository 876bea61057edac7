package org.bootproxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;
import org.junit.jupiter.api.Test;

class BootproxyConfigTest {

    static BootproxyConfig resolve(String yaml, Overrides flags) {
        return BootproxyConfig.resolve(ConfigLoader.parse("bootproxy.yaml", yaml), Path.of("/etc/bootproxy"), flags);
    }

    @Test
    void defaultsServeOutOfTheBox() {
        BootproxyConfig s = resolve("", Overrides.NONE);
        assertThat(s.httpAddress()).isEqualTo(new HostPort("0.0.0.0", 8000));
        assertThat(s.tftpAddress()).isEqualTo(new HostPort("0.0.0.0", 69));
        assertThat(s.tftp().maxBlksize()).as("fits a 1500-byte Ethernet frame").isEqualTo(1468);
        assertThat(s.tftp().enabled()).isTrue();
        assertThat(s.hosts()).isEqualTo(Path.of("/etc/bootproxy/hosts"));
        assertThat(s.templates()).isEqualTo(Path.of("/etc/bootproxy/templates"));
        assertThat(s.boot().intermediateNics()).isEqualTo(8);
        assertThat(s.boot().unknownAnswer()).isEqualTo(UnknownMachineAnswer.MESSAGE);
        assertThat(s.inventory().type()).isEqualTo("files");
        assertThat(s.publicUrlDerived()).isTrue();
    }

    @Test
    void flagsWinOverTheFileWhichWinsOverDefaults() {
        String yaml = "http_address: 10.0.0.1:8080\ntemplate_url: http://10.0.0.1:8080\ntftproot: tftp\n";
        BootproxyConfig fileOnly = resolve(yaml, Overrides.NONE);
        assertThat(fileOnly.httpAddress().port()).isEqualTo(8080);
        assertThat(fileOnly.tftpRoot()).isEqualTo(Path.of("/etc/bootproxy/tftp"));
        assertThat(fileOnly.publicUrl().toString()).isEqualTo("http://10.0.0.1:8080");

        BootproxyConfig flagged = resolve(yaml, new Overrides("127.0.0.1:9000", null, "/srv/tftp", null, null, null, null, null));
        assertThat(flagged.httpAddress()).isEqualTo(new HostPort("127.0.0.1", 9000));
        assertThat(flagged.tftpRoot()).isEqualTo(Path.of("/srv/tftp"));
    }

    @Test
    void publicUrlIsDerivedFromAConcreteHttpAddress() {
        BootproxyConfig s = resolve("", new Overrides("127.0.0.1:8000", null, null, null, null, null, null, null));
        assertThat(s.publicUrl().toString()).isEqualTo("http://127.0.0.1:8000");
    }

    @Test
    void unknownKeyIsNamedWithItsLineAndASuggestion() {
        assertThatThrownBy(() -> resolve("hosts: h\ntftp_root: /srv/tftp\n", Overrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("unknown key 'tftp_root'")
                .hasMessageContaining("did you mean 'tftproot'")
                .hasMessageContaining("allowed keys here");
    }

    @Test
    void nestedUnknownKeyNamesItsSection() {
        assertThatThrownBy(() -> resolve("ipxe:\n  nics: 4\n", Overrides.NONE))
                .hasMessageContaining("unknown key 'nics' in ipxe")
                .hasMessageContaining("intermediate_nics");
    }

    @Test
    void badValuesNameTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> resolve("ipxe:\n  intermediate_nics: eight\n", Overrides.NONE))
                .hasMessageContaining("ipxe.intermediate_nics").hasMessageContaining("whole number");
        assertThatThrownBy(() -> resolve("ipxe:\n  intermediate_nics: 40\n", Overrides.NONE))
                .hasMessageContaining("ipxe.intermediate_nics").hasMessageContaining("1..32");
        assertThatThrownBy(() -> resolve("ipxe:\n  unknown_machine: shell\n", Overrides.NONE))
                .hasMessageContaining("ipxe.unknown_machine").hasMessageContaining("menu");
        assertThatThrownBy(() -> resolve("http_address: 8000\n", Overrides.NONE))
                .hasMessageContaining("http_address").hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> resolve("", new Overrides(null, "0.0.0.0:99999", null, null, null, null, null, null)))
                .hasMessageContaining("--tftp-address");
        assertThatThrownBy(() -> resolve("template_url: ftp://x\n", Overrides.NONE))
                .hasMessageContaining("template_url").hasMessageContaining("http://");
        assertThatThrownBy(() -> resolve("inventory:\n  type: ldap\n", Overrides.NONE))
                .hasMessageContaining("inventory.type").hasMessageContaining("foreman");
        assertThatThrownBy(() -> resolve("tftp:\n  max_blksize: 70000\n", Overrides.NONE))
                .hasMessageContaining("tftp.max_blksize").hasMessageContaining("8..65464");
    }

    @Test
    void limitsHaveDefaultsAndRangesNamingTheirKeys() {
        BootproxyConfig d = resolve("", Overrides.NONE);
        assertThat(d.tftp().maxTransfersPerClient()).isEqualTo(8);
        assertThat(d.render().timeLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(d.render().maxOutputBytes()).isEqualTo(1024 * 1024);
        assertThat(d.inventory().hostFileMaxBytes()).isEqualTo(1024 * 1024);
        assertThat(d.inventory().maxAnswerBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(d.inventory().cache().staleGrace()).isEqualTo(Duration.ofSeconds(1));

        BootproxyConfig s = resolve("""
                tftp:
                  max_transfers_per_client: 2
                render:
                  time_limit: 500ms
                  max_output_bytes: 65536
                inventory:
                  host_file_max_bytes: 4096
                  max_answer_bytes: 8192
                  cache:
                    stale_grace: 0s
                """, Overrides.NONE);
        assertThat(s.tftp().maxTransfersPerClient()).isEqualTo(2);
        assertThat(s.render().timeLimit()).isEqualTo(Duration.ofMillis(500));
        assertThat(s.render().maxOutputBytes()).isEqualTo(65536);
        assertThat(s.inventory().hostFileMaxBytes()).isEqualTo(4096);
        assertThat(s.inventory().maxAnswerBytes()).isEqualTo(8192);
        assertThat(s.inventory().cache().staleGrace()).isZero();

        assertThatThrownBy(() -> resolve("tftp:\n  max_transfers_per_client: 0\n", Overrides.NONE))
                .hasMessageContaining("tftp.max_transfers_per_client: 0 is out of range; allowed 1..100000 (default 8)");
        assertThatThrownBy(() -> resolve("render:\n  time_limit: 1ms\n", Overrides.NONE))
                .hasMessageContaining("render.time_limit: 1ms is out of range");
        assertThatThrownBy(() -> resolve("render:\n  max_output_bytes: 10\n", Overrides.NONE))
                .hasMessageContaining("render.max_output_bytes: 10 is out of range; allowed 1024..1073741824");
        assertThatThrownBy(() -> resolve("inventory:\n  host_file_max_bytes: 10\n", Overrides.NONE))
                .hasMessageContaining("inventory.host_file_max_bytes: 10 is out of range");
        assertThatThrownBy(() -> resolve("inventory:\n  max_answer_bytes: 10\n", Overrides.NONE))
                .hasMessageContaining("inventory.max_answer_bytes: 10 is out of range");
        assertThatThrownBy(() -> resolve("inventory:\n  cache:\n    stale_grace: 1h\n", Overrides.NONE))
                .hasMessageContaining("inventory.cache.stale_grace: 1h is out of range");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThatThrownBy(() -> resolve("hosts: [unclosed\nfoo: bar\n", Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("bootproxy.yaml line");
    }

    @Test
    void templateDefaultsOverrideKindByKind() {
        BootproxyConfig s = resolve("template_defaults:\n  redhat:\n    iPXE: ipxe/custom\n  Suse:\n    provision: provision/autoyast\n",
                Overrides.NONE);
        assertThat(s.boot().defaultTemplate("Redhat", TemplateKind.IPXE)).contains("ipxe/custom");
        assertThat(s.boot().defaultTemplate("Redhat", TemplateKind.PROVISION)).contains("provision/kickstart");
        assertThat(s.boot().defaultTemplate("Suse", TemplateKind.PROVISION)).contains("provision/autoyast");
        assertThatThrownBy(() -> resolve("template_defaults:\n  Redhat:\n    kickstart: x\n", Overrides.NONE))
                .hasMessageContaining("template_defaults.Redhat.kickstart").hasMessageContaining("iPXE");
    }

    /** Foreman's token_duration (minutes; 0 = tokens never expire) for the host files, under inventory:. */
    @Test
    void tokenDurationIsMinutesAndZeroByDefault() {
        assertThat(resolve("", Overrides.NONE).inventory().tokenDuration()).isZero();
        assertThat(resolve("inventory:\n  token_duration: 360\n", Overrides.NONE).inventory().tokenDuration()).isEqualTo(360);
        assertThatThrownBy(() -> resolve("inventory:\n  token_duration: -1\n", Overrides.NONE))
                .hasMessageContaining("inventory.token_duration");
    }
}
