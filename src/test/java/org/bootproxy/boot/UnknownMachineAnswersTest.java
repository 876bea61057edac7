package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.FixedSite;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.junit.jupiter.api.Test;

/**
 * What a machine in no inventory gets: its profile's template, or a host made from a group that installs it (by a
 * profile, or chosen in the OS menu), found again by its token and recorded as discovered-and-installed.
 */
class UnknownMachineAnswersTest {

    static final MacAddress NEW = MacAddress.parse("b8:ca:3a:00:00:01");
    static final MacAddress NEW2 = MacAddress.parse("b8:ca:3a:00:00:02");

    final FixedInventory inventory = new FixedInventory(Hosts.WEB01);
    final MemoryBuildStates states = new MemoryBuildStates();
    final List<BootEvent> events = new ArrayList<>();

    final Profile menu = ProfilesTest.profile("qemu", "ipxe/menu", "manufacturer", "QEMU");
    final Profile install = new Profile("r640", ProfilesTest.profile("x", "t", "product", "PowerEdge R640").match(), "",
            Map.of("kernelcmd", "console=ttyS1"), "alma9", "profiles/r640.yaml");
    final FixedSite site = new FixedSite(menu, install).group("alma9", Hosts.WEB01, "AlmaLinux 9");

    BootService boot(FixedSite s) {
        return new BootService(inventory, NamingRenderer.standard(), states, events::add, BootServiceTest.SETTINGS,
                BootServiceTest.CLOCK, s);
    }

    static BootRequest unknown(String manufacturer, String product, MacAddress... macs) {
        return new BootRequest("192.0.2.99", List.of(), "", false, new MachineFacts("SN1", manufacturer, product, List.of(macs)));
    }

    @Test
    void withoutAMatchingProfileTheConfiguredAnswerIsGiven() {
        Answer a = boot(site).unknownMachine(unknown("Supermicro", "X11", NEW));
        assertThat(a.template()).isEqualTo("ipxe/unknown");
        assertThat(events).last().satisfies(e -> {
            assertThat(e.fields()).containsEntry("decision", "default");
            assertThat(e.fields()).containsEntry("profile", "").containsEntry("why", "no profile matches (2 tried)");
        });
    }

    @Test
    void aMatchingProfileGivesItsTemplateAndTheEventSaysWhy() {
        Answer a = boot(site).unknownMachine(unknown("QEMU", "Standard PC", NEW));
        assertThat(a.template()).isEqualTo("ipxe/menu");
        assertThat(a.host()).isEmpty();
        assertThat(events).last().satisfies(e -> {
            assertThat(e.fields()).containsEntry("decision", "profile");
            assertThat(e.fields()).containsEntry("profile", "qemu").containsEntry("why", "qemu: manufacturer=QEMU (1 selector)");
        });
    }

    @Test
    void anInstallingProfileGivesAHostFromItsGroupThatItsInstallerFindsAgainByToken() {
        BootService boot = boot(site);
        Answer a = boot.unknownMachine(unknown("Dell Inc.", "PowerEdge R640", NEW, NEW2));
        assertThat(a.template()).isEqualTo("ipxe/kickstart");
        Host h = a.host().orElseThrow();
        assertThat(h.name()).isEqualTo("discovered-b8ca3a000001");
        assertThat(h.token()).isEqualTo("bp.profile.r640.b8ca3a000001");
        assertThat(h.params()).as("the profile's params over the group's").containsEntry("kernelcmd", "console=ttyS1");
        assertThat(h.groups()).containsExactly("alma9");

        BootRequest installer = new BootRequest("192.0.2.99", List.of(), h.token(), false, null);
        Answer ks = boot.template(installer, TemplateKind.PROVISION, Optional.empty());
        assertThat(ks.hostName()).isEqualTo("discovered-b8ca3a000001");
        assertThat(ks.template()).isEqualTo("provision/kickstart");
    }

    @Test
    void builtRecordsTheDiscoveredMachineWhichThenBootsFromDiskWithoutTellingUpstream() {
        BootService boot = boot(site);
        Host h = boot.unknownMachine(unknown("Dell Inc.", "PowerEdge R640", NEW)).host().orElseThrow();
        BuildState s = boot.built(new BootRequest("192.0.2.99", List.of(), h.token(), false, null));
        assertThat(s.hostName()).isEqualTo("discovered-b8ca3a000001");
        assertThat(inventory.reports).as("the inventory does not know the machine").isEmpty();
        assertThat(events).last().satisfies(e -> assertThat(e.fields()).containsEntry("upstream", "none (discovered machine)"));

        Answer again = boot.unknownMachine(unknown("Dell Inc.", "PowerEdge R640", NEW));
        assertThat(again.template()).isEqualTo("ipxe/localboot");
        assertThat(again.reason()).isEqualTo(Answer.Reason.LOCAL_BOOT);
        assertThat(events).last().satisfies(e -> assertThat(e.fields()).containsEntry("decision", "installed"));
        assertThatThrownBy(() -> boot.template(new BootRequest("192.0.2.99", List.of(), h.token(), false, null),
                TemplateKind.PROVISION, Optional.empty())).isInstanceOf(NotInBuild.class);
    }

    @Test
    void choosingAMenuEntryInstallsWithThatGroupsSettings() {
        BootService boot = boot(site);
        Answer a = boot.menuChoice(BootRequest.forMac(NEW, "192.0.2.99"), "alma9");
        assertThat(a.template()).isEqualTo("ipxe/kickstart");
        assertThat(a.host().orElseThrow().token()).isEqualTo("bp.group.alma9.b8ca3a000001");
        assertThat(a.host().orElseThrow().os()).isEqualTo(Hosts.WEB01.os());
        BootRequest installer = new BootRequest("192.0.2.99", List.of(), "bp.group.alma9.b8ca3a000001", false, null);
        assertThat(boot.template(installer, TemplateKind.PROVISION, Optional.empty()).hostName())
                .isEqualTo("discovered-b8ca3a000001");
    }

    @Test
    void aMenuChoiceFromAKnownMachineGetsItsOwnAnswerAndAnUnlistedGroupIsRefused() {
        BootService boot = boot(site);
        assertThat(boot.menuChoice(BootRequest.forMac(Hosts.WEB01_MAC, ""), "alma9").hostName()).isEqualTo("web01.example.com");
        assertThatThrownBy(() -> boot.menuChoice(BootRequest.forMac(NEW, ""), "rack-z"))
                .isInstanceOf(TemplateNotFound.class).hasMessageContaining("the OS menu has no entry rack-z");
        assertThatThrownBy(() -> boot.menuChoice(new BootRequest("", List.of(), "", false, null), "alma9"))
                .isInstanceOf(BadRequest.class).hasMessageContaining("mac=${netX/mac}");
    }

    @Test
    void aProfileWhoseGroupCannotMakeAHostGivesAWaitItOutError() {
        FixedSite noGroups = new FixedSite(install);
        assertThatThrownBy(() -> boot(noGroups).unknownMachine(unknown("Dell Inc.", "PowerEdge R640", NEW)))
                .isInstanceOf(TemplateNotFound.class).hasMessageContaining("profile r640 (profiles/r640.yaml) installs with group alma9");
    }

    @Test
    void aTokenThatLooksOursButNamesNothingFindsNoHost() {
        BootRequest r = new BootRequest("192.0.2.99", List.of(), "bp.group.nowhere.b8ca3a000001", false, null);
        assertThatThrownBy(() -> boot(site).template(r, TemplateKind.PROVISION, Optional.empty())).isInstanceOf(HostNotFound.class);
    }

    @Test
    void theMenuLetsAProfileChooseItsDefaultAndFallsBackToLocalBoot() {
        MenuSettings settings = new MenuSettings(60, "netbootxyz", Optional.empty());
        List<MenuEntry> entries = List.of(new MenuEntry("alma9", "AlmaLinux 9"));
        assertThat(Menu.of(entries, settings, Map.of()).defaultItem()).as("netboot.xyz is not configured").isEqualTo("local");
        Menu m = Menu.of(entries, settings, Map.of("menu_default", "alma9", "menu_timeout", "5"));
        assertThat(m.defaultItem()).isEqualTo("install-alma9");
        assertThat(m.timeoutSeconds()).isEqualTo(5);
        assertThat(Menu.of(entries, settings, Map.of("menu_default", "rack-z")).defaultItem()).isEqualTo("local");
    }

    @Test
    void theMenuATemplateSeesFollowsTheGroupsAndSettingsItWasMadeFrom() {
        FixedSite groups = new FixedSite().group("alma9", Hosts.WEB01, "AlmaLinux 9");
        UnknownMachines unknown = new UnknownMachines(groups, states, () -> BootServiceTest.SETTINGS);
        BootSettings now = BootServiceTest.SETTINGS;
        Menu first = unknown.menu(now, ProfileChoice.NONE);
        assertThat(first.entries()).extracting(MenuEntry::group).containsExactly("alma9");
        assertThat(unknown.menu(now, ProfileChoice.NONE)).as("made once for the same groups and settings").isSameAs(first);

        groups.group("debian12", Hosts.DB01, "Debian 12");
        assertThat(unknown.menu(now, ProfileChoice.NONE).entries()).extracting(MenuEntry::group)
                .containsExactly("alma9", "debian12");

        BootSettings shorter = new BootSettings(now.publicUrl(), now.intermediateNics(), now.unknownAnswer(),
                now.familyDefaults(), now.retrySeconds(), now.grub(), new MenuSettings(5, "alma9", Optional.empty()));
        Menu edited = unknown.menu(shorter, ProfileChoice.NONE);
        assertThat(edited.timeoutSeconds()).isEqualTo(5);
        assertThat(edited.defaultItem()).isEqualTo("install-alma9");
        assertThat(unknown.menu(now, ProfileChoice.NONE).timeoutSeconds()).isEqualTo(60);
    }
}
