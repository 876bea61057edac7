package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.fakes.Hosts.ALMA01;
import static org.bootproxy.fakes.Hosts.C7;
import static org.bootproxy.fakes.Hosts.DEB01;
import static org.bootproxy.fakes.Hosts.DEB02;
import static org.bootproxy.fakes.Hosts.NOBLE01;
import static org.bootproxy.fakes.Hosts.UNKNOWN_MAC;
import static org.bootproxy.fakes.Hosts.alma01;
import static org.bootproxy.fakes.Hosts.deb01;
import static org.bootproxy.fakes.Hosts.deb02;
import static org.bootproxy.fakes.Hosts.noble01;
import static org.bootproxy.render.TemplateFixtures.PUBLIC_URL;
import static org.bootproxy.render.TemplateFixtures.context;
import static org.bootproxy.render.TemplateFixtures.unknownMachineReports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.Test;

/** Every template in templates/ renders for suitable hosts, and says what the boot needs. */
class ShippedTemplatesTest {

    private final FreemarkerRenderer renderer = ShippedTemplates.renderer();

    private String render(String template, TemplateKind kind, Host host) {
        return renderer.render(template, context(host, kind));
    }

    private String render(String template, TemplateKind kind, Host host, BootRequest request) {
        return renderer.render(template, context(host, kind, request));
    }

    /** Each shipped template with the cases it is rendered for; a new template must be added here. */
    private Map<String, List<String>> renderEveryShippedTemplate() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        java.util.function.BiConsumer<String, String> add = (name, text) -> out.computeIfAbsent(name, n -> new ArrayList<>()).add(text);
        add.accept("ipxe/intermediate", render("ipxe/intermediate", TemplateKind.IPXE, null));
        add.accept("ipxe/unknown", render("ipxe/unknown", TemplateKind.IPXE, null, unknownMachineReports()));
        add.accept("ipxe/menu", render("ipxe/menu", TemplateKind.IPXE, null, unknownMachineReports()));
        add.accept("ipxe/localboot", render("ipxe/localboot", TemplateKind.IPXE, alma01().inBuild(false).build()));
        add.accept("ipxe/localboot", render("ipxe/localboot", TemplateKind.IPXE, null));
        add.accept("ipxe/kickstart", render("ipxe/kickstart", TemplateKind.IPXE, ALMA01));
        add.accept("ipxe/kickstart", render("ipxe/kickstart", TemplateKind.IPXE, C7));
        add.accept("ipxe/preseed", render("ipxe/preseed", TemplateKind.IPXE, DEB01));
        add.accept("ipxe/preseed", render("ipxe/preseed", TemplateKind.IPXE, DEB02));
        add.accept("ipxe/autoinstall", render("ipxe/autoinstall", TemplateKind.IPXE, NOBLE01));
        add.accept("pxelinux/chain-ipxe", render("pxelinux/chain-ipxe", TemplateKind.PXELINUX, ALMA01));
        add.accept("pxelinux/chain-ipxe-undi", render("pxelinux/chain-ipxe-undi", TemplateKind.PXELINUX, DEB01));
        add.accept("pxelinux/default", render("pxelinux/default", TemplateKind.PXELINUX, null));
        add.accept("pxelinux/localboot", render("pxelinux/localboot", TemplateKind.PXELINUX, alma01().inBuild(false).build()));
        add.accept("grub2/default", render("grub2/default", TemplateKind.PXEGRUB2, null));
        add.accept("grub2/chain-ipxe", render("grub2/chain-ipxe", TemplateKind.PXEGRUB2, ALMA01));
        add.accept("grub2/localboot", render("grub2/localboot", TemplateKind.PXEGRUB2, deb01().inBuild(false).build()));
        add.accept("grub2/kickstart", render("grub2/kickstart", TemplateKind.PXEGRUB2, ALMA01));
        add.accept("grub2/kickstart", render("grub2/kickstart", TemplateKind.PXEGRUB2, C7));
        add.accept("grub2/preseed", render("grub2/preseed", TemplateKind.PXEGRUB2, DEB01));
        add.accept("grub2/autoinstall", render("grub2/autoinstall", TemplateKind.PXEGRUB2, NOBLE01));
        add.accept("provision/kickstart", render("provision/kickstart", TemplateKind.PROVISION, ALMA01));
        add.accept("provision/kickstart", render("provision/kickstart", TemplateKind.PROVISION, C7));
        add.accept("provision/preseed", render("provision/preseed", TemplateKind.PROVISION, DEB01));
        add.accept("provision/preseed", render("provision/preseed", TemplateKind.PROVISION, DEB02));
        add.accept("finish/preseed", render("finish/preseed", TemplateKind.FINISH, DEB01));
        add.accept("provision/autoinstall-user-data", render("provision/autoinstall-user-data", TemplateKind.USER_DATA, NOBLE01));
        // more cases of these in CoreosTemplatesTest and MenuTemplateTest
        add.accept("ipxe/coreos", render("ipxe/coreos", TemplateKind.IPXE, org.bootproxy.fakes.Hosts.FCOS01));
        add.accept("ignition/coreos", render("ignition/coreos", TemplateKind.IGNITION, org.bootproxy.fakes.Hosts.FCOS01));
        return out;
    }

    @Test
    void everyShippedTemplateRendersAndIsTested() {
        Map<String, List<String>> rendered = renderEveryShippedTemplate();
        assertThat(rendered.keySet()).containsExactlyInAnyOrderElementsOf(renderer.names());
    }

    @Test
    void renderedOutputIsTidy() {
        renderEveryShippedTemplate().forEach((name, outputs) -> outputs.forEach(text -> {
            assertThat(text).as(name + " is not empty").isNotBlank();
            assertThat(text).as(name + " starts with content, not a blank line").doesNotStartWith("\n").doesNotStartWith(" ");
            assertThat(text).as(name + " ends with exactly one newline").endsWith("\n").doesNotEndWith("\n\n");
            assertThat(text.lines()).as(name + " has no trailing whitespace").noneMatch(l -> l.endsWith(" ") || l.endsWith("\t"));
            assertThat(text).as(name + " has no double blank lines").doesNotContain("\n\n\n");
            assertThat(text).as(name + " shows no FreeMarker syntax").doesNotContain("<#").doesNotContain("[=")
                    .doesNotContain("</#");
        }));
    }

    @Test
    void everyIpxeScriptStartsWithTheMagicLine() {
        renderEveryShippedTemplate().forEach((name, outputs) -> {
            if (name.startsWith("ipxe/")) {
                outputs.forEach(text -> assertThat(text).as(name).startsWith("#!ipxe\n"));
            }
        });
    }

    // ------------------------------------------------------------------ iPXE

    @Test
    void intermediateTriesEveryNicInTurnReportingTheMachineThenAsksForTheUnknownAnswer() {
        String script = render("ipxe/intermediate", TemplateKind.IPXE, null);
        for (int i = 0; i < 8; i++) {
            String next = i < 7 ? "net" + (i + 1) : "unknown";
            assertThat(script).contains(":net" + i + "\n"
                    + "isset ${net" + i + "/mac} || goto unknown\n"
                    + "echo bootproxy: trying net" + i + " (${net" + i + "/mac})\n"
                    + "isset ${net" + i + "/ip} || dhcp net" + i + " || goto " + next + "\n"
                    + "set bootif ${net" + i + "/mac}\n"
                    + "chain " + PUBLIC_URL + "/unattended/iPXE?mac=${net" + i + "/mac}"
                    + "&serial=${serial:uristring}&manufacturer=${manufacturer:uristring}&product=${product:uristring}"
                    + "&uuid=${uuid}&arch=${buildarch}&platform=${platform}"
                    + " || goto " + next + "\nexit\n");
        }
        assertThat(script).doesNotContain(":net8");
        assertThat(script).contains("\n:unknown\n")
                .contains("chain " + PUBLIC_URL + "/unattended/iPXE?unknown=1&macs=${net0/mac},${net1/mac},${net2/mac},"
                        + "${net3/mac},${net4/mac},${net5/mac},${net6/mac},${net7/mac}&bootif=${bootif}&serial=${serial:uristring}")
                .contains("|| goto unreachable");
    }

    @Test
    void intermediateNicCountComesFromTheSettings() {
        var settings = new org.bootproxy.boot.BootSettings(java.net.URI.create(PUBLIC_URL), 2,
                org.bootproxy.boot.UnknownMachineAnswer.MENU, Map.of(), 10);
        var ctx = new org.bootproxy.boot.RenderContext(java.util.Optional.empty(), TemplateFixtures.ipxeAsks(UNKNOWN_MAC),
                TemplateKind.IPXE, new org.bootproxy.boot.BootUrls(settings), settings);
        String script = renderer.render("ipxe/intermediate", ctx);
        assertThat(script).contains(":net0\n", ":net1\n", "dhcp net1 || goto unknown").doesNotContain(":net2");
        assertThat(script).contains("macs=${net0/mac},${net1/mac}&");
    }

    @Test
    void kickstartScriptBootsTheMediumsInstallerWithTheProvisionUrl() {
        String script = render("ipxe/kickstart", TemplateKind.IPXE, ALMA01);
        String tree = "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os";
        assertThat(script).contains("kernel " + tree + "/images/pxeboot/vmlinuz initrd=initrd.img console=ttyS0 "
                + "inst.ks=" + PUBLIC_URL + "/unattended/provision?token=tok-alma inst.ks.sendmac "
                + "BOOTIF=01-${netX/mac:hexhyp} ip=dhcp || goto failed\n");
        assertThat(script).contains("initrd --name initrd.img " + tree + "/images/pxeboot/initrd.img || goto failed\n")
                .contains("boot || goto failed\n")
                .contains("\n:failed\n").endsWith("exit 1\n");
    }

    @Test
    void oldRedHatGetsKsAndAStaticNetworkLine() {
        String script = render("ipxe/kickstart", TemplateKind.IPXE, C7);
        assertThat(script).contains(" ks=" + PUBLIC_URL + "/unattended/provision?mac=52:54:00:00:c7:07 ")
                .doesNotContain("inst.ks=")
                .contains("modprobe.blacklist=nouveau,floppy ")
                .contains("ip=192.0.2.70::192.0.2.1:255.255.255.0:c7:ens3:none nameserver=192.0.2.53 nameserver=192.0.2.54 ||");
    }

    @Test
    void kernelAndInitrdUrlParametersReplaceTheMedium() {
        String script = render("ipxe/preseed", TemplateKind.IPXE, DEB01);
        assertThat(script).contains("kernel " + PUBLIC_URL + "/pub/vmlinuz initrd=initrd.gz auto=true priority=critical url="
                        + PUBLIC_URL + "/unattended/provision?token=tok-deb interface=auto hostname=deb01 domain=example.com")
                .contains("BOOTIF=01-${netX/mac:hexhyp} || goto failed")
                .contains("initrd --name initrd.gz " + PUBLIC_URL + "/pub/initrd.img || goto failed")
                .doesNotContain("deb.debian.org");
    }

    @Test
    void preseedScriptFindsTheNetbootInstallerOnTheMirror() {
        String script = render("ipxe/preseed", TemplateKind.IPXE, DEB02);
        String netboot = "https://deb.debian.org/debian/dists/bookworm/main/installer-amd64/current/images/netboot/debian-installer/amd64";
        assertThat(script).contains("kernel " + netboot + "/linux ")
                .contains("initrd --name initrd.gz " + netboot + "/initrd.gz ")
                .contains("netcfg/get_ipaddress=192.0.2.40 netcfg/get_netmask=255.255.255.0 netcfg/get_gateway=192.0.2.1")
                .contains("netcfg/get_nameservers=192.0.2.53 ");
    }

    @Test
    void autoinstallScriptBootsCasperWithTheNoCloudSeed() {
        String script = render("ipxe/autoinstall", TemplateKind.IPXE, NOBLE01);
        assertThat(script).contains("kernel http://mirror.example.com/ubuntu-24.04/casper/vmlinuz initrd=initrd ip=dhcp "
                        + "url=http://mirror.example.com/iso/ubuntu-24.04-live-server-amd64.iso autoinstall "
                        + "ds=nocloud-net;s=" + PUBLIC_URL + "/userdata/52:54:00:00:0b:01/ cloud-config-url=/dev/null")
                .contains("initrd --name initrd http://mirror.example.com/ubuntu-24.04/casper/initrd");
    }

    @Test
    void autoinstallWithoutIsoUrlLeavesTheLiveSystemToLocalMedia() {
        Host noIso = noble01().noParams().subnet(Subnet.DHCP).build();
        assertThat(render("ipxe/autoinstall", TemplateKind.IPXE, noIso))
                .contains(" initrd=initrd ip=dhcp autoinstall ds=nocloud-net;s=" + PUBLIC_URL + "/userdata/")
                .doesNotContain("url=http");
    }

    @Test
    void hostWithoutMediumOrBootFileParametersIsRefusedWithTheReason() {
        Host noMedium = alma01().name("bare.example.com").medium("").noParams().build();
        assertThatThrownBy(() -> render("ipxe/kickstart", TemplateKind.IPXE, noMedium))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("(included by ipxe/kickstart)")
                .hasMessageContaining("host bare.example.com has no medium")
                .hasMessageContaining("kernel_url");
    }

    @Test
    void debianWithoutReleaseNameIsRefusedWithTheReason() {
        Host noRelease = deb02().os(new OperatingSystem("Debian", "Debian", "12", "", "x86_64", "")).build();
        assertThatThrownBy(() -> render("ipxe/preseed", TemplateKind.IPXE, noRelease))
                .isInstanceOf(TemplateFailed.class)
                .hasMessageContaining("without a release name");
    }

    @Test
    void localbootLeavesIpxeWithSuccess() {
        assertThat(render("ipxe/localboot", TemplateKind.IPXE, alma01().inBuild(false).build()))
                .isEqualTo("#!ipxe\necho bootproxy: alma01.example.com is not in build mode: booting from local disk\nexit\n");
        assertThat(render("ipxe/localboot", TemplateKind.IPXE, null)).endsWith("\nexit\n");
    }

    @Test
    void unknownMessageShowsWhatTheMachineReportedMadeSafeForIpxe() {
        String script = render("ipxe/unknown", TemplateKind.IPXE, null, unknownMachineReports());
        assertThat(script).contains("52:54:00:ff:ff:ff 52:54:00:ff:ff:02")
                .contains("echo serial: SN __ reboot\n")
                .contains("echo manufacturer: ACME __x_\n")
                .contains("echo product: Box _ 9\n")
                .doesNotContain("&&").doesNotContain("${x}")
                .endsWith("exit\n");
    }

    @Test
    void menuOffersLocalBootByDefaultAndRetry() {
        String script = render("ipxe/menu", TemplateKind.IPXE, null, unknownMachineReports());
        assertThat(script).contains("choose --default local --timeout 60000 target || goto local\ngoto ${target}\n")
                .contains("item local ").contains("item retry ").contains("item shell ")
                .contains("chain " + PUBLIC_URL + "/unattended/iPXE?bootstrap=1 || goto menu")
                .contains("MACs:    52:54:00:ff:ff:ff 52:54:00:ff:ff:02");
    }

    // ------------------------------------------------------------------ pxelinux and GRUB2

    @Test
    void pxelinuxChainsToIpxeWithTheHostsUrl() {
        assertThat(render("pxelinux/chain-ipxe", TemplateKind.PXELINUX, ALMA01)).contains("KERNEL ipxe.lkrn\n")
                .contains("APPEND dhcp && chain " + PUBLIC_URL + "/unattended/iPXE?token=tok-alma\n")
                .contains("IPAPPEND 2\n");
        assertThat(render("pxelinux/chain-ipxe", TemplateKind.PXELINUX, C7))
                .contains("APPEND dhcp && chain " + PUBLIC_URL + "/unattended/iPXE?mac=52:54:00:00:c7:07\n");
        assertThat(render("pxelinux/chain-ipxe-undi", TemplateKind.PXELINUX, ALMA01))
                .contains("KERNEL undionly-ipxe.0\n").contains("IPAPPEND 2\n").doesNotContain("APPEND dhcp");
    }

    @Test
    void pxelinuxDefaultChainsToTheIntermediateScript() {
        assertThat(render("pxelinux/default", TemplateKind.PXELINUX, null))
                .contains("KERNEL ipxe.lkrn\n")
                .contains("APPEND dhcp && chain " + PUBLIC_URL + "/unattended/iPXE?bootstrap=1&mac=${netX/mac}\n");
        assertThat(render("pxelinux/localboot", TemplateKind.PXELINUX, alma01().inBuild(false).build()))
                .contains("DEFAULT local\n").contains("LOCALBOOT 0\n");
    }

    @Test
    void grub2StartsIpxeOrTheLocalDisk() {
        assertThat(render("grub2/chain-ipxe", TemplateKind.PXEGRUB2, ALMA01))
                .contains("menuentry 'Install alma01.example.com (start iPXE)' {")
                .contains("chainloader /snponly.efi\n")
                .contains("menuentry 'Boot from local disk' {");
        assertThat(render("grub2/default", TemplateKind.PXEGRUB2, null)).contains("chainloader /snponly.efi\n");
        assertThat(render("grub2/localboot", TemplateKind.PXEGRUB2, alma01().inBuild(false).build()))
                .contains("search --no-floppy --file --set=esp $loader").contains("chainloader ($esp)$loader")
                .doesNotContain("snponly");
    }

    // ------------------------------------------------------------------ answer files

    /** What the pxe-lab test installer does: the first URL in the answer file containing /unattended/built. */
    private static String firstBuiltUrl(String answerFile) {
        Matcher m = Pattern.compile("(https?|ftp)://[^\\]\\[\\s\"'<>`|;(){}\\\\]*/unattended/built[^\\]\\[\\s\"'<>`|;(){}\\\\]*")
                .matcher(answerFile);
        return m.find() ? m.group() : "";
    }

    @Test
    void kickstartNamesHostMediumAndCallsBuiltInPost() {
        String ks = render("provision/kickstart", TemplateKind.PROVISION, ALMA01);
        assertThat(ks).contains("alma01.example.com")
                .contains("url --url=http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os/\n")
                .contains("network --device=52:54:00:a1:00:02 --bootproto=dhcp --hostname=alma01.example.com\n")
                .contains("rootpw --lock\n")
                .contains("ssh-ed25519 AAAAC3Nza test@example\n");
        String post = ks.substring(ks.indexOf("%post"), ks.indexOf("%end", ks.indexOf("%post")));
        assertThat(post).contains("curl -fsS -o /dev/null '" + PUBLIC_URL + "/unattended/built?token=tok-alma'")
                .contains("else wget -q -O /dev/null '" + PUBLIC_URL + "/unattended/built?token=tok-alma'");
        assertThat(firstBuiltUrl(ks)).isEqualTo(PUBLIC_URL + "/unattended/built?token=tok-alma");
    }

    @Test
    void kickstartForAStaticHostWithoutTokenUsesItsMac() {
        String ks = render("provision/kickstart", TemplateKind.PROVISION, C7);
        assertThat(ks).contains("--bootproto=static --ip=192.0.2.70 --netmask=255.255.255.0 --gateway=192.0.2.1 "
                + "--nameserver=192.0.2.53,192.0.2.54 --hostname=c7.example.com");
        assertThat(firstBuiltUrl(ks)).isEqualTo(PUBLIC_URL + "/unattended/built?mac=52:54:00:00:c7:07");
    }

    @Test
    void preseedUsesTheMirrorAndNamesTheBuiltUrl() {
        String preseed = render("provision/preseed", TemplateKind.PROVISION, DEB01);
        assertThat(preseed).contains("d-i netcfg/get_hostname string deb01\n")
                .contains("d-i mirror/http/hostname string deb.debian.org\n")
                .contains("d-i mirror/http/directory string /debian\n")
                .contains("d-i mirror/suite string bookworm\n")
                .contains("d-i pkgsel/include string vim curl\n")
                .contains("d-i preseed/late_command string wget -q -O /tmp/bootproxy-finish.sh '"
                        + PUBLIC_URL + "/unattended/finish?token=tok-deb' && sh /tmp/bootproxy-finish.sh\n");
        assertThat(firstBuiltUrl(preseed)).isEqualTo(PUBLIC_URL + "/unattended/built?token=tok-deb");
        assertThat(render("provision/preseed", TemplateKind.PROVISION, DEB02))
                .contains("d-i mirror/https/hostname string deb.debian.org\n")
                .contains("d-i netcfg/get_ipaddress string 192.0.2.40\n");
    }

    /**
     * The real Debian installer asks "Name server addresses" before it fetches the preseed when DHCP hands out no
     * DNS server; the host's subnet.dns answers it on the kernel command line and in the preseed, DHCP or not.
     */
    @Test
    void preseedGivesTheInstallerItsNameServersWithDhcpToo() {
        Host dhcpWithDns = deb01().subnet(new Subnet("", "", List.of("192.0.2.53", "192.0.2.54"), "dhcp")).build();
        assertThat(render("ipxe/preseed", TemplateKind.IPXE, dhcpWithDns))
                .contains(" netcfg/get_nameservers=\"192.0.2.53 192.0.2.54\" ").doesNotContain("disable_autoconfig");
        assertThat(render("provision/preseed", TemplateKind.PROVISION, dhcpWithDns))
                .contains("d-i netcfg/get_nameservers string 192.0.2.53 192.0.2.54\n").doesNotContain("get_ipaddress");
        assertThat(render("ipxe/preseed", TemplateKind.IPXE, DEB01)).as("none known: none given").doesNotContain("netcfg/");
    }

    @Test
    void finishScriptCallsBuilt() {
        String finish = render("finish/preseed", TemplateKind.FINISH, DEB01);
        assertThat(finish).startsWith("#!/bin/sh\n");
        assertThat(firstBuiltUrl(finish)).isEqualTo(PUBLIC_URL + "/unattended/built?token=tok-deb");
    }

    @Test
    void autoinstallUserDataIsCloudConfigWithVersionAndBuiltLateCommand() {
        String userData = render("provision/autoinstall-user-data", TemplateKind.USER_DATA, NOBLE01);
        assertThat(userData).startsWith("#cloud-config\nautoinstall:\n  version: 1\n")
                .contains("    hostname: \"noble01\"\n")
                .contains("    password: \"$6$salt$hash\\\"quoted\"\n")
                .contains("      - \"ssh-ed25519 AAAAkey1 a@x\"\n      - \"ssh-ed25519 AAAAkey2 b@x\"\n")
                .contains("        addresses: [\"192.0.2.60/24\"]\n")
                .contains("  late-commands:\n");
        assertThat(firstBuiltUrl(userData)).isEqualTo(PUBLIC_URL + "/unattended/built?mac=52:54:00:00:0b:01");
    }
}
