package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.cli.CommandLineTest.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bootproxy.cli.CommandLineTest.Run;
import org.bootproxy.render.IgnitionValidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands a site's operator uses on groups, profiles and the traps a newcomer fell into. */
class SiteCommandsTest {
    @TempDir
    Path tmp;

    private Run render(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("render", "--state-dir", tmp.resolve("state").toString(),
                "--public-url", "http://192.0.2.1:8000"));
        all.addAll(List.of(args));
        return run(all.toArray(String[]::new));
    }

    @Test
    void everyCommandPrintsItsVersion() {
        for (String command : List.of("serve", "render", "lint", "bootfiles", "check-upstream")) {
            Run r = run(command, "-V");
            assertThat(r.code()).as(command).isZero();
            assertThat(r.out()).as(command).startsWith("bootproxy ").contains("Java ");
        }
    }

    /** Each paragraph of a command's description is wrapped as a whole; no line is broken off mid-sentence. */
    @Test
    void helpIsNotCutMidSentence() {
        for (String command : List.of("serve", "render", "lint", "bootfiles", "dhcp-config", "doctor", "check-upstream")) {
            List<String> lines = run(command, "--help").out().lines().toList();
            List<String> description = lines.stream().dropWhile(l -> !l.startsWith("Usage:")).skip(1)
                    .dropWhile(l -> l.startsWith(" ")).takeWhile(l -> !l.isBlank() && !l.startsWith(" ")).toList();
            assertThat(description).as(command + " has a description").isNotEmpty();
            for (int i = 0; i + 1 < description.size(); i++) {
                String line = description.get(i);
                boolean paragraphEnds = line.endsWith(".") || line.endsWith(":") || line.endsWith(")");
                assertThat(paragraphEnds || line.length() > 70).as(command + ": line cut short mid-sentence: '" + line + "'")
                        .isTrue();
            }
        }
        assertThat(run("serve", "--help").out()).contains("[--tftp-address=HOST:PORT]");
    }

    @Test
    void renderHonoursTemplateForBootloaderConfigs() {
        Run r = render("--mac", "52:54:00:00:01:01", "--kind", "PXELinux", "--template", "pxelinux/chain-ipxe-undi");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("template=pxelinux/chain-ipxe-undi");
        assertThat(r.out()).contains("undionly-ipxe.0");
        Run grub = render("--mac", "52:54:00:00:01:01", "--kind", "PXEGrub2", "--template", "grub2/localboot");
        assertThat(grub.err()).contains("template=grub2/localboot");
    }

    @Test
    void renderWithoutAMacShowsWhatMachinesNothingIdentifiesGet() {
        Run pxelinux = render("--kind", "PXELinux");
        assertThat(pxelinux.code()).isZero();
        assertThat(pxelinux.err()).contains("template=pxelinux/default (default)");
        assertThat(render("--kind", "PXEGrub2").err()).contains("template=grub2/default (default)");
        assertThat(render("--kind", "iPXE").err()).contains("template=ipxe/intermediate (intermediate)");
        Run provision = render("--kind", "provision");
        assertThat(provision.code()).isEqualTo(2);
        assertThat(provision.err()).contains("give --mac");
    }

    @Test
    void renderWithFactsShowsTheProfileAMachineGetsAndWhy() {
        Run r = render("--mac", "52:54:00:12:34:56", "--kind", "iPXE", "--facts", "manufacturer=QEMU", "product=Standard PC");
        assertThat(r.code()).isZero();
        assertThat(r.err()).contains("# profile: qemu: manufacturer=QEMU (1 selector)")
                .contains("template=ipxe/menu (unknown machine)");
        assertThat(r.out()).contains("item install-alma9 AlmaLinux 9.4 (kickstart)")
                .contains("choose --default local --timeout 30000 target");

        Run dell = render("--kind", "iPXE", "--facts", "manufacturer=Dell Inc.", "product=PowerEdge R640",
                "macs=b8:ca:3a:00:00:01,b8:ca:3a:00:00:02,b8:ca:3a:00:00:03,b8:ca:3a:00:00:04");
        assertThat(dell.err()).contains("# profile: dell-r640: manufacturer=Dell Inc., product=PowerEdge R640, nics=4 (3 selectors)")
                .contains("host=discovered-b8ca3a000001 template=ipxe/kickstart");
        assertThat(dell.out()).contains("inst.ks=http://192.0.2.1:8000/unattended/provision?token=bp.profile.dell-r640.b8ca3a000001 ");

        Run nobody = render("--mac", "52:54:00:12:34:56", "--kind", "iPXE", "--facts", "manufacturer=Supermicro");
        assertThat(nobody.err()).contains("# profile: no profile matches (2 tried)").contains("template=ipxe/unknown");
        Run known = render("--mac", "52:54:00:00:01:01", "--kind", "iPXE", "--facts", "manufacturer=QEMU");
        assertThat(known.err()).contains("belongs to a host: profiles apply only to machines in no inventory");
        Run bad = render("--mac", "52:54:00:12:34:56", "--kind", "iPXE", "--facts", "vendor=QEMU");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown fact 'vendor'; allowed: serial, manufacturer, product, uuid, arch, platform, macs");
    }

    @Test
    void theShippedCoreosHostsIgnitionConfigIsValidAsProvisionAndAsIgnition() {
        for (String kind : List.of("provision", "ignition")) {
            Run r = render("--mac", "52:54:00:00:06:01", "--kind", kind);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.err()).contains("template=ignition/coreos");
            // (the test logging configuration writes log lines to stdout; bootproxy's own writes them to stderr)
            IgnitionValidate.assertValid(r.out().substring(r.out().indexOf("{\n")));
        }
    }

    @Test
    void lintPassesOnASiteWithOneOsFamilyWarningAboutTheOthersTemplates() throws IOException {
        Path hosts = Files.createDirectories(tmp.resolve("hosts"));
        Files.copy(Path.of("hosts/web01.example.com.yaml"), hosts.resolve("web01.example.com.yaml"));
        Run r = run("lint", "--hosts", hosts.toString(), "--state-dir", tmp.resolve("state").toString());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("WARN ").contains("provision/preseed is used by no host and renders for none of them")
                .contains("all ok, ");
    }

    @Test
    void lintFailsOnProfilesThatCanTieAndOnABrokenGroup() throws IOException {
        Path profiles = Files.createDirectories(tmp.resolve("profiles"));
        Files.writeString(profiles.resolve("a.yaml"), "match: {manufacturer: QEMU}\ntemplate: ipxe/menu\n");
        Files.writeString(profiles.resolve("b.yaml"), "match: {nics: 2}\ntemplate: ipxe/unknown\n");
        Path groups = Files.createDirectories(tmp.resolve("groups"));
        Files.writeString(groups.resolve("alma9.yaml"), "os: {family: Redhat}\nbiuld: true\n");
        Run r = run("lint", "--profiles", profiles.toString(), "--groups", groups.toString(), "--state-dir",
                tmp.resolve("state").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL profiles a (" + profiles.resolve("a.yaml") + ": manufacturer=QEMU) and b")
                .contains("FAIL " + groups.resolve("alma9.yaml") + " line 2: unknown key 'biuld', did you mean 'build'?")
                .contains("rack-b-01.example.com.yaml line 3: group 'rack-b' does not exist");
    }

    @Test
    void renderWarnsWhichInterfaceItGuessedThePublicUrlFrom() {
        Run r = run("render", "--mac", "52:54:00:00:01:01", "--kind", "iPXE", "--state-dir", tmp.resolve("state").toString());
        assertThat(r.err()).containsPattern("warning: public URL http://\\S+ (guessed from interface \\S+|no network interface)")
                .contains("set template_url (--public-url)");
    }
}
