package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.junit.jupiter.api.Test;

/** The example host files in hosts/ are what a bare {@code serve} uses: they must load cleanly. */
class ShippedHostsTest {

    private final GroupFolder groups = new GroupFolder(java.util.Optional.of(Path.of("groups")), Clock.systemUTC(),
            FileInventory.DEFAULT_RESCAN, FileInventory.DEFAULT_MAX_FILE_BYTES);
    private final FileInventory inv = new FileInventory(Path.of("hosts"), groups, Clock.systemUTC(),
            FileInventory.DEFAULT_RESCAN, FileInventory.DEFAULT_MAX_FILE_BYTES);

    private Host byMac(String mac) {
        return inv.findByMac(MacAddress.parse(mac)).orElseThrow(() -> new AssertionError("no host for " + mac));
    }

    @Test
    void everyShippedHostLoadsWithoutProblems() {
        assertThat(inv.problems()).isEmpty();
        assertThat(inv.all()).extracting(Host::name).containsExactly("app01.example.com", "db01.example.com",
                "fcos01.example.com", "legacy01.example.com", "rack-b-01.example.com", "rack-b-02.example.com",
                "web01.example.com");
    }

    @Test
    void theShippedGroupsAndProfilesLoadWithoutProblems() {
        FileSite site = new FileSite(groups, java.util.Optional.of(Path.of("profiles")), Clock.systemUTC(),
                FileInventory.DEFAULT_RESCAN, FileInventory.DEFAULT_MAX_FILE_BYTES);
        assertThat(groups.problems()).isEmpty();
        assertThat(site.problems()).isEmpty();
        assertThat(site.profiles().all()).extracting(org.bootproxy.boot.Profile::name).containsExactly("dell-r640", "qemu");
        assertThat(site.profiles().ties()).isEmpty();
        assertThat(site.menu()).extracting(org.bootproxy.boot.MenuEntry::group).containsExactly("alma9", "bookworm", "coreos");
    }

    /** A rack of identical machines: each host file holds its name, MAC and address; the rest is the group's. */
    @Test
    void rackBMachinesGetEverythingElseFromTheirGroup() {
        Host rack = byMac("52:54:00:00:05:02");
        assertThat(rack.name()).isEqualTo("rack-b-02.example.com");
        assertThat(rack.groups()).containsExactly("alma9", "rack-b");
        assertThat(rack.os().version()).isEqualTo("9.4");
        assertThat(rack.build()).isTrue();
        assertThat(rack.subnet().dns()).containsExactly("192.0.2.53", "192.0.2.54");
        assertThat(rack.params()).containsKeys("kernelcmd", "timezone", "packages");
        assertThat(byMac("52:54:00:00:06:01").os().family()).isEqualTo("Fcos");
    }

    @Test
    void web01InstallsAlmaLinuxAndIsFoundByItsSecondNic() {
        Host web01 = byMac("52:54:00:00:01:02");
        assertThat(web01.name()).isEqualTo("web01.example.com");
        assertThat(web01.build()).isTrue();
        assertThat(web01.os().family()).isEqualTo("Redhat");
        assertThat(web01.os().version()).isEqualTo("9.4");
        assertThat(web01.provisionInterface().mac()).isEqualTo(MacAddress.parse("52:54:00:00:01:01"));
        assertThat(web01.params()).containsKey("kernelcmd");
        assertThat(web01.medium()).isEqualTo("http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os");
    }

    @Test
    void db01IsDebianBookwormWithAStaticAddress() {
        Host db01 = byMac("52:54:00:00:02:01");
        assertThat(db01.os().family()).isEqualTo("Debian");
        assertThat(db01.os().major()).isEqualTo("12");
        assertThat(db01.os().releaseName()).isEqualTo("bookworm");
        assertThat(db01.subnet().isStatic()).isTrue();
    }

    @Test
    void app01IsUbuntuNoble() {
        Host app01 = byMac("52:54:00:00:03:01");
        assertThat(app01.os().family()).isEqualTo("Ubuntu");
        assertThat(app01.os().version()).isEqualTo("24.04");
        assertThat(app01.os().releaseName()).isEqualTo("noble");
    }

    @Test
    void legacy01IsNotInBuild() {
        assertThat(byMac("52:54:00:00:04:01").build()).isFalse();
    }
}
