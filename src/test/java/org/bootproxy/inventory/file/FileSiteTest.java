package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MenuEntry;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.Profile;
import org.bootproxy.boot.Selector;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profiles folder, the OS menu's entries and hosts made from a group, as the file layout defines them. */
class FileSiteTest {
    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.now();

    private void write(String path, String yaml) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, yaml);
    }

    private FileSite site() {
        GroupFolder groups = new GroupFolder(Optional.of(root.resolve("groups")), clock, Duration.ZERO, 1 << 20);
        return new FileSite(groups, Optional.of(root.resolve("profiles")), clock, Duration.ZERO, 1 << 20);
    }

    @Test
    void aProfileFileIsReadWithItsSelectorsTemplateAndParams() throws Exception {
        write("profiles/r640.yaml", """
                match:
                  manufacturer: Dell Inc.
                  product: PowerEdge R6*
                  mac_prefix: B8-CA-3A
                template: ipxe/menu
                params: {menu_default: alma9, menu_timeout: 5}
                """);
        FileSite site = site();
        assertThat(site.problems()).isEmpty();
        Profile p = site.profiles().byName("r640").orElseThrow();
        assertThat(p.match()).containsOnlyKeys(Selector.MANUFACTURER, Selector.PRODUCT, Selector.MAC_PREFIX);
        assertThat(p.template()).isEqualTo("ipxe/menu");
        assertThat(p.params()).containsEntry("menu_default", "alma9").containsEntry("menu_timeout", "5");
        assertThat(p.source()).isEqualTo(root.resolve("profiles/r640.yaml").toString());
    }

    @Test
    void everyMistakeInAProfileFileIsReportedWithItsLine() throws Exception {
        write("profiles/bad.yaml", """
                match:
                  vendor: Dell
                  mac_prefix: zz:zz
                  product: "[R6"
                tempalte: ipxe/menu
                """);
        Path file = root.resolve("profiles/bad.yaml");
        assertThat(site().problems()).containsExactly(
                file + " line 1: a profile needs template: (the iPXE template the machine gets, e.g. ipxe/menu) or install:"
                        + " (a host group to install it with), or both",
                file + " line 2: match: unknown selector 'vendor' (allowed: arch, manufacturer, product, serial, uuid,"
                        + " mac_prefix, nics)",
                file + " line 3: match.mac_prefix: 'zz:zz' is not the start of a MAC address (hex digits, optionally"
                        + " separated by : - or .), e.g. b8:ca:3a",
                file + " line 4: match.product: '[R6': a [ at position 1 is not closed by ]; write [[] for a literal [",
                file + " line 5: unknown key 'tempalte', did you mean 'template'? (allowed: match, template, install, params)");
        assertThat(site().profiles().all()).isEmpty();
    }

    @Test
    void theMenuListsTheGroupsWithATitleThatAreNotBroken() throws Exception {
        write("groups/alma9.yaml", "menu: AlmaLinux 9\nos: {family: Redhat}\n");
        write("groups/bookworm.yaml", "menu: Debian 12\nos: {family: Debian}\n");
        write("groups/rack-b.yaml", "groups: [alma9]\n");
        write("groups/broken.yaml", "menu: Broken\nos: [x]\n");
        assertThat(site().menu()).containsExactly(new MenuEntry("alma9", "AlmaLinux 9"), new MenuEntry("bookworm", "Debian 12"));
    }

    @Test
    void aHostMadeFromAGroupHasItsSettingsWithTheParamsGivenOverThem() throws Exception {
        write("groups/alma9.yaml", "os: {family: Redhat, major: 9}\nparams: {kernelcmd: console=tty0, tz: UTC}\n");
        MacAddress mac = MacAddress.parse("52:54:00:12:34:56");
        Host h = site().hostFromGroup("alma9", "discovered-525400123456", List.of(new Nic(mac, "", "", true)),
                "bp.group.alma9.525400123456", Map.of("kernelcmd", "console=ttyS0")).orElseThrow();
        assertThat(h.build()).isTrue();
        assertThat(h.token()).isEqualTo("bp.group.alma9.525400123456");
        assertThat(h.os().major()).isEqualTo("9");
        assertThat(h.params()).containsEntry("kernelcmd", "console=ttyS0").containsEntry("tz", "UTC");
        assertThat(h.groups()).containsExactly("alma9");
        assertThat(h.source()).isEqualTo(root.resolve("groups/alma9.yaml").toString());
        assertThat(site().hostFromGroup("nowhere", "x", h.interfaces(), "", Map.of())).isEmpty();
    }

    @Test
    void aProfileThatInstallsWithAGroupThatCannotMakeAHostIsAProblem() throws Exception {
        write("groups/rack-b.yaml", "subnet: {boot_mode: static, mask: 24}\n");
        write("profiles/r640.yaml", "match: {product: PowerEdge R640}\ninstall: rack-b\n");
        write("profiles/r740.yaml", "match: {product: PowerEdge R740}\ninstall: rack-c\n");
        assertThat(site().problems()).anySatisfy(p -> assertThat(p).startsWith(root.resolve("profiles/r640.yaml")
                + ": install: group rack-b cannot make a host: ").contains("os is missing"))
                .anySatisfy(p -> assertThat(p).startsWith(root.resolve("profiles/r740.yaml")
                        + ": install: group rack-c cannot make a host: ").contains("group 'rack-c' does not exist"));
    }

    @Test
    void aProfileEditIsSeenOnTheNextLookAtTheFolder() throws Exception {
        write("profiles/qemu.yaml", "match: {manufacturer: QEMU}\ntemplate: ipxe/menu\n");
        FileSite site = site();
        assertThat(site.profiles().byName("qemu")).map(Profile::template).contains("ipxe/menu");
        clock.advance(Duration.ofSeconds(5));
        write("profiles/qemu.yaml", "match: {manufacturer: QEMU}\ntemplate: ipxe/unknown\n");
        assertThat(site.profiles().byName("qemu")).map(Profile::template).contains("ipxe/unknown");
    }
}
