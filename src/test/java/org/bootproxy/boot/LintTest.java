package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.junit.jupiter.api.Test;

/** What lint counts as a failure, rule by rule, over the shared fakes (web01: Redhat, db01: Debian). */
class LintTest {

    static final BootSettings SETTINGS = new BootSettings(URI.create("http://192.0.2.1:8000"), 4,
            UnknownMachineAnswer.MESSAGE,
            Map.of("Redhat", Map.of(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PXELINUX, "pxelinux/chain-ipxe"),
                    "Debian", Map.of(TemplateKind.IPXE, "ipxe/preseed", TemplateKind.PXELINUX, "pxelinux/chain-ipxe")),
            10);

    static Lint.Report lint(NamingRenderer renderer, Host... hosts) {
        BootService boot = new BootService(new FixedInventory(hosts), renderer, new MemoryBuildStates(), BootEvents.NONE,
                SETTINGS, Clock.systemUTC());
        return new Lint(boot).check(List.of(hosts), renderer.names(), List.of());
    }

    @Test
    void everythingRenderingIsAllOkAndCountsEveryRender() {
        NamingRenderer renderer = NamingRenderer.standard();
        Lint.Report r = lint(renderer, Hosts.WEB01, Hosts.DB01);
        assertThat(r.ok()).isTrue();
        assertThat(r.hosts()).isEqualTo(2);
        int independent = 5;
        assertThat(r.renders()).isEqualTo(2 * renderer.names().size() + independent);
    }

    @Test
    void templateAHostGetsThatFailsForItIsAFailureNamingTheHost() {
        Lint.Report r = lint(NamingRenderer.standard().failingFor("ipxe/kickstart", "web01.example.com"), Hosts.WEB01, Hosts.DB01);
        assertThat(r.failures()).containsExactly("web01.example.com: ipxe/kickstart line 3: host.params.kernelcmd is missing");
    }

    @Test
    void templateSomeoneElseGetsMayRefuseThisHost() {
        // the Debian preseed is db01's; that it refuses web01 (Redhat) is no failure
        Lint.Report r = lint(NamingRenderer.standard().failingFor("ipxe/preseed", "web01.example.com"), Hosts.WEB01, Hosts.DB01);
        assertThat(r.ok()).isTrue();
    }

    @Test
    void templateNoHostGetsIsOnlyAWarningWhenItRendersForNoHostAtAll() {
        NamingRenderer renderer = NamingRenderer.standard().with("provision/autoyast");
        Lint.Report some = lint(renderer.failingFor("provision/autoyast", "web01.example.com"), Hosts.WEB01, Hosts.DB01);
        assertThat(some.ok()).isTrue();
        assertThat(some.warnings()).isEmpty();
        Lint.Report none = lint(renderer.failing("provision/autoyast"), Hosts.WEB01, Hosts.DB01);
        assertThat(none.ok()).as("a one-family site: the other family's templates render for none of its hosts").isTrue();
        assertThat(none.warnings()).singleElement().asString()
                .contains("provision/autoyast is used by no host and renders for none of them");
    }

    @Test
    void templateNoHostGetsFailsWhenItCannotEvenBeParsed() {
        Lint.Report r = lint(NamingRenderer.standard().with("provision/autoyast").unparsable("provision/autoyast"),
                Hosts.WEB01, Hosts.DB01);
        assertThat(r.failures()).singleElement().asString().contains("provision/autoyast cannot be parsed");
    }

    @Test
    void missingIpxeTemplateFailsButAMissingOptionalKindDoesNot() {
        Host plan9 = Hosts.web01().os(new OperatingSystem("Plan9", "Plan9", "4", "", "x86_64", "")).build();
        assertThat(lint(NamingRenderer.standard(), plan9).failures())
                .anyMatch(f -> f.startsWith("web01.example.com: unable to find iPXE template"))
                .anyMatch(f -> f.startsWith("web01.example.com: unable to find PXELinux template"))
                .noneMatch(f -> f.contains("provision"));
    }

    @Test
    void overrideNamingAMissingTemplateFailsWhateverTheKind() {
        Host h = Hosts.web01().template(TemplateKind.FINISH, "finish/nowhere").build();
        assertThat(lint(NamingRenderer.standard(), h).failures())
                .containsExactly("web01.example.com: template finish/nowhere (finish for web01.example.com) does not exist"
                        + " in the templates folder");
    }

    @Test
    void hostIndependentTemplateIsRenderedForAnUnknownMachine() {
        Lint.Report r = lint(NamingRenderer.standard().failingFor("ipxe/intermediate", ""), Hosts.WEB01);
        assertThat(r.failures()).containsExactly("unknown machine 02:00:00:00:00:00: ipxe/intermediate line 3:"
                + " host.params.kernelcmd is missing");
    }

    @Test
    void hostFileProblemsAreFailures() {
        BootService boot = new BootService(new FixedInventory(), NamingRenderer.standard(), new MemoryBuildStates(),
                BootEvents.NONE, SETTINGS, Clock.systemUTC());
        Lint.Report r = new Lint(boot).check(List.of(), List.of(), List.of("hosts/x.yaml line 3: mac is missing"));
        assertThat(r.failures()).containsExactly("hosts/x.yaml line 3: mac is missing");
        assertThat(r.ok()).isFalse();
    }

    static Lint.Report lint(NamingRenderer renderer, org.bootproxy.fakes.FixedSite site, Host... hosts) {
        BootService boot = new BootService(new FixedInventory(hosts), renderer, new MemoryBuildStates(), BootEvents.NONE,
                SETTINGS, Clock.systemUTC(), site);
        return new Lint(boot).check(List.of(hosts), renderer.names(), List.of());
    }

    @Test
    void profilesThatCanTieFail() {
        var site = new org.bootproxy.fakes.FixedSite(ProfilesTest.profile("a", "ipxe/menu", "manufacturer", "QEMU"),
                ProfilesTest.profile("b", "ipxe/unknown", "nics", "2"));
        assertThat(lint(NamingRenderer.standard(), site, Hosts.WEB01).failures()).singleElement().asString()
                .startsWith("profiles a (profiles/a.yaml: manufacturer=QEMU) and b (profiles/b.yaml: nics=2) can match");
    }

    @Test
    void aProfilesTemplateThatDoesNotRenderForAMachineItMatchesFails() {
        var site = new org.bootproxy.fakes.FixedSite(ProfilesTest.profile("qemu", "ipxe/menu", "manufacturer", "QEMU"));
        assertThat(lint(NamingRenderer.standard().failingFor("ipxe/menu", ""), site, Hosts.WEB01).failures())
                .containsExactly("profile qemu (profiles/qemu.yaml): ipxe/menu line 3: host.params.kernelcmd is missing");
    }

    @Test
    void theHostsTheMenuWouldMakeAreCheckedLikeAnyHost() {
        var site = new org.bootproxy.fakes.FixedSite().group("alma9", Hosts.WEB01, "AlmaLinux 9");
        Lint.Report r = lint(NamingRenderer.standard().failingFor("ipxe/kickstart", "menu-alma9"), site, Hosts.DB01);
        assertThat(r.hosts()).isEqualTo(2);
        assertThat(r.failures()).containsExactly("menu-alma9: ipxe/kickstart line 3: host.params.kernelcmd is missing");
    }

    @Test
    void templateKindComesFromTheFolder() {
        assertThat(Lint.kindOf("ipxe/kickstart")).isEqualTo(TemplateKind.IPXE);
        assertThat(Lint.kindOf("grub2/default")).isEqualTo(TemplateKind.PXEGRUB2);
        assertThat(Lint.kindOf("provision/autoinstall-user-data")).isEqualTo(TemplateKind.USER_DATA);
        assertThat(Lint.kindOf("provision/kickstart")).isEqualTo(TemplateKind.PROVISION);
        assertThat(Lint.kindOf("ignition/coreos")).isEqualTo(TemplateKind.IGNITION);
    }
}
