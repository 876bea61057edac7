package org.bootproxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every mistake of a config file at once, each on the line its key is written, and keys written twice. */
class ConfigMistakesTest {

    static List<String> mistakes(String yaml) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse("bootproxy.yaml", yaml))
                .getMessage().lines().toList();
    }

    @Test
    void everyMistakeIsReportedOnItsOwnLineWithTheKeysLine() {
        List<String> mistakes = mistakes("""
                hosts: h
                tftp:
                  max_blksize: 99999
                  retries: 0
                tftp_root: /srv/tftp
                ipxe:
                  intermediate_nics: eight
                  menu:
                    timeout: forever
                render:
                  time_limit: 1ms
                """);
        assertThat(mistakes).hasSize(6);
        assertThat(mistakes.get(2)).startsWith("bootproxy.yaml line 5: unknown key 'tftp_root' (did you mean 'tftproot'?);"
                + " allowed keys here: assets, ");
        assertThat(mistakes).contains(
                "bootproxy.yaml line 3: tftp.max_blksize: 99999 is out of range; allowed 8..65464 (default 1468)",
                "bootproxy.yaml line 4: tftp.retries: 0 is out of range; allowed 1..100 (default 10)",
                "bootproxy.yaml line 7: ipxe.intermediate_nics: 'eight' is not a valid whole number",
                "bootproxy.yaml line 9: ipxe.menu.timeout: 'forever' is not a duration (use a number with a unit: 500ms,"
                        + " 30s, 5m, 2h, 1d, or ISO-8601 such as PT30S)",
                "bootproxy.yaml line 11: render.time_limit: 1ms is out of range; allowed 10ms to 10m (default 2s)");
    }

    /** Jackson would keep the second value without a word: the first, probably the one meant, is lost. */
    @Test
    void aKeyWrittenTwiceIsAnErrorNamingBothLines() {
        assertThat(mistakes("""
                tftp:
                  max_blksize: 1400
                  retries: 5
                  max_blksize: 1300
                hosts: a
                hosts: b
                """)).containsExactly(
                "bootproxy.yaml line 4: key 'tftp.max_blksize' appears twice (lines 2 and 4): the first value would be"
                        + " ignored; keep one",
                "bootproxy.yaml line 6: key 'hosts' appears twice (lines 5 and 6): the first value would be ignored; keep one");
    }

    @Test
    void theSameKeyInTwoSectionsIsNoDuplicate() {
        ConfigFile f = ConfigLoader.parse("bootproxy.yaml", "tftp:\n  enabled: true\ninventory:\n  cache:\n    ttl: 5s\n"
                + "template_defaults:\n  Redhat: {iPXE: a/b}\n  Debian: {iPXE: c/d}\n");
        assertThat(f.tftp().enabled()).isTrue();
    }

    @Test
    void wrongShapesAndNestedSectionsAreNamedWithTheirLines() {
        assertThat(mistakes("""
                trusted_proxies: 5
                inventory:
                  cache:
                    stale_grace: 1h
                    max_concurrent: 0
                ipxe:
                  menu:
                    netbootxyz: boot.netboot.xyz
                """)).containsExactly(
                "bootproxy.yaml line 1: trusted_proxies has the wrong shape: expected list",
                "bootproxy.yaml line 4: inventory.cache.stale_grace: 1h is out of range; allowed 0s to 10m (default 1s)",
                "bootproxy.yaml line 5: inventory.cache.max_concurrent: 0 is out of range; allowed 1..1024 (default 32)",
                "bootproxy.yaml line 8: ipxe.menu.netbootxyz: 'boot.netboot.xyz' is not allowed; write an absolute"
                        + " http:// or https:// URL such as https://foreman.example.com");
    }

    @Test
    void aFileThatIsNotYamlStopsAtItsSyntaxErrorWithTheLine() {
        assertThat(mistakes("hosts: [unclosed\nfoo: bar\n").get(0)).startsWith("bootproxy.yaml line 2: not valid YAML:");
    }

    @Test
    void groupsAndProfilesAreBesideTheHostsFolderUnlessSet() {
        BootproxyConfig s = BootproxyConfigTest.resolve("hosts: site/hosts\n", Overrides.NONE);
        assertThat(s.groups()).isEqualTo(Path.of("/etc/bootproxy/site/groups"));
        assertThat(s.profiles()).isEqualTo(Path.of("/etc/bootproxy/site/profiles"));
        BootproxyConfig set = BootproxyConfigTest.resolve("groups: g\nprofiles: /srv/p\n", Overrides.NONE);
        assertThat(set.groups()).isEqualTo(Path.of("/etc/bootproxy/g"));
        assertThat(set.profiles()).isEqualTo(Path.of("/srv/p"));
        BootproxyConfig flagged = BootproxyConfigTest.resolve("groups: g\n", Overrides.NONE.withSite("/tmp/g2", null));
        assertThat(flagged.groups()).isEqualTo(Path.of("/tmp/g2"));
    }

    @Test
    void theMenuSettingsReachTheBootSettings() {
        var menu = BootproxyConfigTest.resolve("ipxe:\n  menu:\n    timeout: 2m\n    default: alma9\n"
                + "    netbootxyz: https://boot.netboot.xyz\n", Overrides.NONE).boot().menu();
        assertThat(menu.timeoutSeconds()).isEqualTo(120);
        assertThat(menu.defaultEntry()).isEqualTo("alma9");
        assertThat(menu.netbootxyz()).map(Object::toString).contains("https://boot.netboot.xyz");
        var defaults = BootproxyConfigTest.resolve("", Overrides.NONE).boot().menu();
        assertThat(defaults.timeoutSeconds()).isEqualTo(60);
        assertThat(defaults.netbootxyz()).isEmpty();
    }
}
