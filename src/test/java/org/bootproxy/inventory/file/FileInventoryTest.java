package org.bootproxy.inventory.file;

import org.bootproxy.fakes.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.support.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileInventoryTest {

    private static final MacAddress WEB01_MAC = MacAddress.parse("52:54:00:aa:00:01");
    private static final MacAddress DB01_MAC = MacAddress.parse("52:54:00:bb:00:01");

    @TempDir
    Path dir;
    @TempDir
    Path elsewhere;

    private final MutableClock clock = MutableClock.now();

    static String host(String name, String mac, String extra) {
        return """
                name: %s
                build: true
                interfaces:
                  - mac: %s
                os:
                  family: Redhat
                """.formatted(name, mac) + extra;
    }

    private Path write(String file, String text) throws IOException {
        return Files.writeString(dir.resolve(file), text);
    }

    private FileInventory inventory() {
        return new FileInventory(dir, clock);
    }

    /** 50,000 hosts with one OS, medium, subnet and params hold them once (BENCHMARKS.md, issue 15: the live heap). */
    @Test
    void hostsReadTogetherShareTheValuesTheyHaveInCommon() throws Exception {
        String common = """
                medium: http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os
                subnet:
                  mask: 255.255.255.0
                  gateway: 192.0.2.1
                params:
                  kernelcmd: console=ttyS0
                """;
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", common));
        write("db01.yaml", host("db01.example.com", "52:54:00:bb:00:01", common.replace("ttyS0", "ttyS1")));
        FileInventory inv = inventory();
        Host web = inv.findByMac(WEB01_MAC).orElseThrow();
        Host db = inv.findByMac(DB01_MAC).orElseThrow();
        assertThat(db.os()).isSameAs(web.os());
        assertThat(db.medium()).isSameAs(web.medium());
        assertThat(db.subnet()).isSameAs(web.subnet());
        assertThat(db.params()).as("different params stay apart").isNotEqualTo(web.params());
        assertThat(db.param("kernelcmd")).contains("console=ttyS1");
        assertThat(web.param("kernelcmd")).contains("console=ttyS0");
    }

    @Test
    void hostIsFoundByAnyNicInAnySpelling() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01",
                "  \n").replace("interfaces:\n", "interfaces:\n  - mac: 52-54-00-AA-00-09\n    ip: 192.0.2.19\n"));
        FileInventory inv = inventory();
        for (String spelling : new String[] {"52:54:00:aa:00:01", "52-54-00-AA-00-01", "525400aa0001", "52:54:00:aa:00:09"}) {
            assertThat(inv.findByMac(MacAddress.parse(spelling))).as(spelling).map(Host::name).contains("web01.example.com");
        }
        assertThat(inv.findByIp("192.0.2.19")).map(Host::name).contains("web01.example.com");
        assertThat(inv.findByIp("192.0.2.20")).isEmpty();
    }

    @Test
    void hostIsFoundByItsTokenOnly() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "token: tok-1\n"));
        write("db01.yaml", host("db01.example.com", "52:54:00:bb:00:01", ""));
        FileInventory inv = inventory();
        assertThat(inv.findByToken("tok-1")).map(Host::name).contains("web01.example.com");
        assertThat(inv.findByToken("tok-2")).isEmpty();
        assertThat(inv.findByToken("")).as("hosts without a token are not found by an empty one").isEmpty();
    }

    @Test
    void sourceAndRevisionNameTheFile() throws Exception {
        Path file = write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        Host h = inventory().findByMac(WEB01_MAC).orElseThrow();
        assertThat(h.source()).isEqualTo(file.toString());
        assertThat(h.revision()).isEqualTo(Sha256.of(Files.readAllBytes(file)).hex());
    }

    @Test
    void brokenFileIsReportedWithPathAndLineAndOtherHostsStillWork() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        Path broken = write("db01.yaml", "name: db01.example.com\ninterfaces:\n  - mac: 52:54:00:bb:00:01\n  ip: [\n");
        FileInventory inv = inventory();
        assertThat(inv.findByMac(WEB01_MAC)).isPresent();
        assertThat(inv.findByMac(DB01_MAC)).as("never valid: nothing to serve").isEmpty();
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(broken);
            assertThat(p.line()).isPositive();
            assertThat(p.toString()).startsWith(broken + " line " + p.line() + ": not valid YAML");
        });
        assertThat(inv.describe()).isEqualTo("host files in " + dir + " (1 host, 1 broken)");
    }

    @Test
    void editIsSeenOnceTheRescanIntervalHasPassed() throws Exception {
        Path file = write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: a\n"));
        FileInventory inv = inventory();
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: b\n"));
        assertThat(inv.findByMac(WEB01_MAC).orElseThrow().param("kernelcmd")).as("within the interval").contains("a");
        inv.rescanWhenDue();
        assertThat(inv.findByMac(WEB01_MAC).orElseThrow().param("kernelcmd")).as("the watch waits for the interval").contains("a");
        clock.advance(FileInventory.DEFAULT_RESCAN);
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        Host h = inv.findByMac(WEB01_MAC).orElseThrow();
        assertThat(h.param("kernelcmd")).contains("b");
        assertThat(h.revision()).isEqualTo(Sha256.of(Files.readAllBytes(file)).hex());
    }

    @Test
    void changedMacIsSeenAndTheOldOneForgotten() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        FileInventory inv = new FileInventory(dir, clock, Duration.ZERO);
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:03", ""));
        assertThat(inv.findByMac(WEB01_MAC)).as("a lookup never reads the folder").isPresent();
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(MacAddress.parse("52:54:00:aa:00:03"))).isPresent();
        assertThat(inv.findByMac(WEB01_MAC)).isEmpty();
    }

    @Test
    void newAndDeletedFilesAreSeen() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        FileInventory inv = inventory();
        Path db01 = write("db01.yml", host("db01.example.com", "52:54:00:bb:00:01", ""));
        Files.delete(dir.resolve("web01.yaml"));
        clock.advance(Duration.ofSeconds(1));
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(DB01_MAC)).isPresent();
        assertThat(inv.findByMac(WEB01_MAC)).isEmpty();
        assertThat(inv.all()).extracting(Host::source).containsExactly(db01.toString());
    }

    @Test
    void fileThatBreaksKeepsServingItsLastGoodVersionUntilFixed() throws Exception {
        Path file = write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: good\n"));
        FileInventory inv = new FileInventory(dir, clock, Duration.ZERO);
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: good\nbuidl: false\n"));
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(WEB01_MAC).orElseThrow().param("kernelcmd")).contains("good");
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(file);
            assertThat(p.line()).isEqualTo(9);
            assertThat(p.message()).contains("unknown key 'buidl'");
        });
        assertThat(inv.describe()).endsWith("(1 host, 1 broken)");

        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: fixed\n"));
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(WEB01_MAC).orElseThrow().param("kernelcmd")).contains("fixed");
        assertThat(inv.problems()).isEmpty();
    }

    @Test
    void macInTwoFilesFindsNeitherAndNamesBothFiles() throws Exception {
        Path web01 = write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        Path web02 = write("web02.yaml", host("web02.example.com", "52-54-00-aa-00-01", ""));
        write("db01.yaml", host("db01.example.com", "52:54:00:bb:00:01", ""));
        FileInventory inv = inventory();
        assertThat(inv.findByMac(WEB01_MAC)).as("which machine is it? better not guess").isEmpty();
        assertThat(inv.findByMac(DB01_MAC)).isPresent();
        assertThat(inv.problems()).extracting(HostFileProblem::toString).containsExactly(
                web01 + " line 4: MAC 52:54:00:aa:00:01 is also in " + web02
                        + ": no host is found by this MAC until only one file has it",
                web02 + " line 4: MAC 52:54:00:aa:00:01 is also in " + web01
                        + ": no host is found by this MAC until only one file has it");

        Files.delete(web02);
        clock.advance(Duration.ofSeconds(1));
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(WEB01_MAC)).map(Host::name).contains("web01.example.com");
        assertThat(inv.problems()).isEmpty();
    }

    @Test
    void twoFilesWithTheSameHostNameServeNeither() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        write("web01-copy.yaml", host("web01.example.com", "52:54:00:aa:00:02", ""));
        FileInventory inv = inventory();
        assertThat(inv.all()).isEmpty();
        assertThat(inv.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message())
                .startsWith("name web01.example.com is also in"));
    }

    @Test
    void tokenInTwoFilesFindsNeitherAndIsNotPrinted() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "token: secret-1\n"));
        write("db01.yaml", host("db01.example.com", "52:54:00:bb:00:01", "token: secret-1\n"));
        FileInventory inv = inventory();
        assertThat(inv.findByToken("secret-1")).isEmpty();
        assertThat(inv.findByMac(WEB01_MAC)).isPresent();
        assertThat(inv.problems()).hasSize(2).allSatisfy(p -> assertThat(p.message())
                .startsWith("token is also in").doesNotContain("secret-1"));
    }

    @Test
    void aHostFileLinkedOutsideTheFolderIsRefusedAndNeverEchoed() throws Exception {
        // finding 11: a link to a system file had its lines quoted into the log as YAML errors
        Path system = Files.writeString(elsewhere.resolve("credentials.yml"), "db_password: hunter2\nsecretuser: x\n");
        Files.createSymbolicLink(dir.resolve("evil.yaml"), system);
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));

        FileInventory inv = inventory();

        assertThat(inv.findByMac(WEB01_MAC)).isPresent();
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(dir.resolve("evil.yaml"));
            assertThat(p.toString()).contains("evil.yaml").contains("outside the hosts folder")
                    .doesNotContain("db_password").doesNotContain("secretuser");
        });
    }

    @Test
    void aHostFileLinkedWithinTheFolderIsRead() throws Exception {
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.writeString(shared.resolve("web01.yaml"), host("web01.example.com", "52:54:00:aa:00:01", ""));
        Files.createSymbolicLink(dir.resolve("web01.yaml"), shared.resolve("web01.yaml"));

        FileInventory inv = inventory();

        assertThat(inv.findByMac(WEB01_MAC)).map(Host::name).contains("web01.example.com");
        assertThat(inv.problems()).isEmpty();
    }

    @Test
    void otherFilesAndEditorLeftoversAreIgnored() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        write(".web01.yaml.swp", "\0\0binary");
        write(".#web01.yaml", "broken: [");
        write("web01.yaml~", "broken: [");
        write("README.md", "# hosts");
        Files.createDirectory(dir.resolve("old.yaml"));
        FileInventory inv = inventory();
        assertThat(inv.all()).hasSize(1);
        assertThat(inv.problems()).isEmpty();
    }

    @Test
    void missingDirectoryIsRefusedNamingThePathAndTheFlag() {
        Path missing = dir.resolve("nope");
        assertThatThrownBy(() -> new FileInventory(missing, clock))
                .isInstanceOf(HostsDirectoryMissing.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("--hosts");
    }

    @Test
    void directoryThatVanishesKeepsTheHostsReadBefore() throws Exception {
        Path sub = Files.createDirectory(dir.resolve("hosts"));
        Files.writeString(sub.resolve("web01.yaml"), host("web01.example.com", "52:54:00:aa:00:01", ""));
        FileInventory inv = new FileInventory(sub, clock, Duration.ZERO);
        Files.move(sub, dir.resolve("hosts.moved"));
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(WEB01_MAC)).isPresent();
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.file()).isEqualTo(sub);
            assertThat(p.message()).contains("cannot list the hosts directory");
        });
        assertThat(inv.describe()).contains("directory unreadable");
    }

    @Test
    void sameSizeEditRightAfterAReadIsNotMissed() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: aaaa\n"));
        FileInventory inv = inventory();
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", "params:\n  kernelcmd: bbbb\n"));
        clock.advance(Duration.ofSeconds(1));
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(inv.findByMac(WEB01_MAC).orElseThrow().param("kernelcmd")).contains("bbbb");
    }

    @Test
    void builtRecordStopsApplyingWhenTheFileIsEditedEvenJustAComment() throws Exception {
        write("web01.yaml", host("web01.example.com", "52:54:00:aa:00:01", ""));
        FileInventory inv = new FileInventory(dir, clock, Duration.ZERO);
        BuildState built = new BuildState("web01.example.com", inv.findByMac(WEB01_MAC).orElseThrow().revision(),
                BuildState.Status.BUILT, clock.instant(), "");
        assertThat(built.appliesTo(inv.findByMac(WEB01_MAC).orElseThrow())).isTrue();

        write("web01.yaml", "# rebuild please\n" + host("web01.example.com", "52:54:00:aa:00:01", ""));
        inv.rescanWhenDue(); // what the site's watch does on its next tick
        assertThat(built.appliesTo(inv.findByMac(WEB01_MAC).orElseThrow())).isFalse();
    }
}
