package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Host groups: a host's group keys lie under its own (maps merged key by key), groups apply in order and after the
 * groups they include; a missing, broken or circular group is reported with the host's line and the group's file
 * and line, and a group edit reaches its hosts like a host file edit.
 */
class HostGroupsTest {
    private static final MacAddress MAC = MacAddress.parse("52:54:00:aa:00:01");

    @TempDir
    Path root;

    private final MutableClock clock = MutableClock.now();

    private Path hosts() throws IOException {
        return Files.createDirectories(root.resolve("hosts"));
    }

    private Path groups() throws IOException {
        return Files.createDirectories(root.resolve("groups"));
    }

    private void group(String name, String yaml) throws IOException {
        Files.writeString(groups().resolve(name + ".yaml"), yaml);
    }

    private Path host(String yaml) throws IOException {
        return Files.writeString(hosts().resolve("web01.yaml"), "name: web01.example.com\ninterfaces:\n  - mac: "
                + MAC + "\n" + yaml);
    }

    private FileInventory inventory() throws IOException {
        GroupFolder g = new GroupFolder(Optional.of(groups()), clock, Duration.ZERO, 1 << 20);
        return new FileInventory(hosts(), g, clock, Duration.ZERO, 1 << 20);
    }

    private Host web01(FileInventory inv) {
        return inv.findByMac(MAC).orElseThrow(() -> new AssertionError("web01 not served: " + inv.problems()));
    }

    static final String ALMA = """
            os: {name: AlmaLinux, family: Redhat, major: 9, minor: 4}
            medium: http://mirror.example.com/alma/9.4
            subnet: {mask: 24, gateway: 192.0.2.1, dns: [192.0.2.53, 192.0.2.54]}
            params: {kernelcmd: console=ttyS0, timezone: UTC}
            templates: {iPXE: ipxe/kickstart, provision: provision/kickstart}
            """;

    @Test
    void theHostsOwnKeysWinAndMapsMergeKeyByKey() throws Exception {
        group("alma9", ALMA);
        host("""
                group: alma9
                build: true
                os: {minor: 5}
                subnet: {gateway: 192.0.2.254, dns: [198.51.100.53]}
                params: {timezone: Europe/Berlin, extra: on-top}
                templates: {ipxe: ipxe/custom}
                """);
        Host h = web01(inventory());
        assertThat(h.os().family()).as("from the group").isEqualTo("Redhat");
        assertThat(h.os().version()).as("minor from the host").isEqualTo("9.5");
        assertThat(h.medium()).isEqualTo("http://mirror.example.com/alma/9.4");
        assertThat(h.subnet().mask()).isEqualTo("255.255.255.0");
        assertThat(h.subnet().gateway()).isEqualTo("192.0.2.254");
        assertThat(h.subnet().dns()).as("a list is replaced whole").containsExactly("198.51.100.53");
        assertThat(h.params()).containsEntry("kernelcmd", "console=ttyS0").containsEntry("timezone", "Europe/Berlin")
                .containsEntry("extra", "on-top");
        assertThat(h.templates()).as("kind names compare in any case").containsEntry(TemplateKind.IPXE, "ipxe/custom")
                .containsEntry(TemplateKind.PROVISION, "provision/kickstart").hasSize(2);
        assertThat(h.groups()).containsExactly("alma9");
        assertThat(h.build()).isTrue();
    }

    @Test
    void groupsApplyInOrderEachAfterTheGroupsItIncludes() throws Exception {
        group("alma9", ALMA);
        group("rack-b", "groups: [alma9]\nparams: {timezone: rack-b, rack: b}\n");
        group("site", "params: {timezone: site, rack: site, site: fra1}\n");
        host("groups: [rack-b, site]\n");
        Host h = web01(inventory());
        assertThat(h.groups()).containsExactly("alma9", "rack-b", "site");
        assertThat(h.group()).isEqualTo("alma9/rack-b/site");
        assertThat(h.params()).containsEntry("timezone", "site").containsEntry("rack", "site").containsEntry("site", "fra1")
                .containsEntry("kernelcmd", "console=ttyS0");
    }

    @Test
    void aMissingGroupNamesTheHostLineTheFolderAndALikelyTypo() throws Exception {
        group("alma9", ALMA);
        host("build: true\ngroup: alma8\n");
        FileInventory inv = inventory();
        assertThat(inv.findByMac(MAC)).isEmpty();
        assertThat(inv.problems()).singleElement().hasToString(root.resolve("hosts/web01.yaml") + " line 5: group 'alma8'"
                + " does not exist: there is no alma8.yaml in the groups folder (did you mean 'alma9'?); groups: alma9");
        assertThat(inv.currentProblems()).as("what a readiness view reads through the port")
                .containsExactly(inv.problems().get(0).toString());
    }

    @Test
    void aProblemWithAGroupsValueNamesTheHostLineAndTheGroupsFileAndLine() throws Exception {
        group("static", "os: {family: Redhat}\nsubnet:\n  mask: 24\n  boot_mode: static\n");
        host("group: static\n");
        FileInventory inv = inventory();
        assertThat(inv.problems()).singleElement().hasToString(root.resolve("hosts/web01.yaml") + " line 4: group static ("
                + root.resolve("groups/static.yaml") + " line 4): subnet.boot_mode is static but the provisioning interface ("
                + MAC + ") has no ip");
    }

    @Test
    void aBrokenGroupIsReportedInItsFileAndByEveryHostNamingIt() throws Exception {
        group("alma9", ALMA + "name: nope\nbuidl: true\n");
        host("group: alma9\n");
        FileInventory inv = inventory();
        Path groupFile = root.resolve("groups/alma9.yaml");
        assertThat(inv.problems()).extracting(Object::toString)
                .contains(groupFile + " line 6: unknown key 'name' (allowed: build, os, medium, subnet, params, templates,"
                        + " group, groups, menu)")
                .contains(groupFile + " line 7: unknown key 'buidl', did you mean 'build'? (allowed: build, os, medium,"
                        + " subnet, params, templates, group, groups, menu)")
                .anySatisfy(p -> assertThat(p).startsWith(root.resolve("hosts/web01.yaml") + " line 4: group alma9 is broken ("
                        + groupFile + " line 6: unknown key 'name'").endsWith("; and 1 more), so this host is not made from"
                        + " it: fix the group (bootproxy lint lists its problems)"));
        assertThat(inv.findByMac(MAC)).isEmpty();
    }

    @Test
    void groupsThatIncludeEachOtherInACircleAreBrokenAndSaySo() throws Exception {
        group("a", "groups: [b]\nos: {family: Redhat}\n");
        group("b", "group: a\n");
        host("group: a\n");
        FileInventory inv = inventory();
        assertThat(inv.findByMac(MAC)).isEmpty();
        assertThat(inv.problems()).extracting(Object::toString)
                .contains(root.resolve("groups/b.yaml") + " line 1: groups include each other in a circle: a ("
                        + root.resolve("groups/a.yaml") + ") → b (" + root.resolve("groups/b.yaml") + ") → a: remove one of"
                        + " these includes")
                .anySatisfy(p -> assertThat(p).startsWith(root.resolve("groups/a.yaml") + " line 1: includes group b, which is broken"));
    }

    @Test
    void nameInterfacesAndTokenBelongToOneHostNotToAGroup() throws Exception {
        group("g", "os: {family: Redhat}\ninterfaces: [{mac: 52:54:00:00:00:99}]\ntoken: shared\n");
        host("group: g\n");
        assertThat(inventory().problems()).extracting(HostFileProblem::message)
                .contains("unknown key 'interfaces' (allowed: build, os, medium, subnet, params, templates, group, groups, menu)",
                        "unknown key 'token' (allowed: build, os, medium, subnet, params, templates, group, groups, menu)");
    }

    @Test
    void groupAndGroupsTogetherAreRefused() throws Exception {
        group("alma9", ALMA);
        host("group: alma9\ngroups: [alma9]\n");
        assertThat(inventory().problems()).singleElement().extracting(HostFileProblem::message).asString()
                .startsWith("group and groups are both given");
    }

    @Test
    void aGroupEditReachesItsHostsAndChangesTheirRevision() throws Exception {
        group("alma9", ALMA);
        host("group: alma9\nbuild: true\n");
        FileInventory inv = inventory();
        Host before = web01(inv);
        clock.advance(Duration.ofSeconds(5));
        group("alma9", ALMA.replace("timezone: UTC", "timezone: Asia/Tokyo"));
        Host after = web01(inv);
        assertThat(after.params()).containsEntry("timezone", "Asia/Tokyo");
        assertThat(after.revision()).as("a built record made for the old revision stops applying").isNotEqualTo(before.revision());
    }

    @Test
    void aHostWithoutGroupsKeepsItsFileHashAsRevision() throws Exception {
        Path file = host("os: {family: Redhat}\n");
        assertThat(web01(inventory()).revision()).isEqualTo(org.bootproxy.support.Sha256.of(Files.readAllBytes(file)).hex());
    }

    /** A broken save is logged when the folder is read again, under no machine's MAC (not the one whose lookup ran it). */
    @Test
    void problemsAreLoggedWithoutTheMacOfTheLookupThatFoundThem() throws Exception {
        group("alma9", ALMA);
        host("group: alma9\n");
        FileInventory inv = inventory();
        ListAppender<ILoggingEvent> log = capture();
        try {
            group("alma9", ALMA + "buidl: true\n");
            clock.advance(Duration.ofSeconds(5));
            MDC.put("mac", "52:54:00:99:99:99");
            inv.findByMac(MacAddress.parse("52:54:00:99:99:99"));
            assertThat(MDC.get("mac")).as("the lookup's own MDC is back").isEqualTo("52:54:00:99:99:99");
        } finally {
            MDC.clear();
            release(log);
        }
        List<ILoggingEvent> errors;
        synchronized (log) {
            errors = log.list.stream().filter(e -> e.getLevel().toString().equals("ERROR")).toList();
        }
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.getMDCPropertyMap()).doesNotContainKey("mac"));
    }

    @Test
    void theWatchReportsABrokenSaveWithoutAnyLookup() throws Exception {
        host("os: {family: Redhat}\n");
        FileInventory inv = inventory();
        ListAppender<ILoggingEvent> log = capture();
        try (FileWatch watch = FileWatch.start(Duration.ofMillis(20), List.of(inv::rescan))) {
            host("os: {family: Redhat}\nbuidl: true\n");
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < until && !logged(log, "buidl")) {
                Thread.sleep(20);
            }
        } finally {
            release(log);
        }
        assertThat(logged(log, "unknown key 'buidl'")).as("the watch read the saved file and logged its problem").isTrue();
    }

    /** What FileInventory logs from now on, until {@link #release}. */
    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(FileInventory.class)).addAppender(log);
        return log;
    }

    private static void release(ListAppender<ILoggingEvent> log) {
        ((Logger) LoggerFactory.getLogger(FileInventory.class)).detachAppender(log);
    }

    private static boolean logged(ListAppender<ILoggingEvent> log, String text) {
        synchronized (log) {
            return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
        }
    }
}
