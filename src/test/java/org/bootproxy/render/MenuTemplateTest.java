package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.render.TemplateFixtures.PUBLIC_URL;
import static org.bootproxy.render.TemplateFixtures.unknownMachineReports;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.BootUrls;
import org.bootproxy.boot.Menu;
import org.bootproxy.boot.MenuEntry;
import org.bootproxy.boot.MenuSettings;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.Test;

/** ipxe/menu: the site's installers, netboot.xyz when configured, local boot; the timeout takes the default. */
class MenuTemplateTest {

    private final FreemarkerRenderer renderer = ShippedTemplates.renderer();
    private final List<MenuEntry> entries = List.of(new MenuEntry("alma9", "AlmaLinux 9.4 (kickstart)"),
            new MenuEntry("bookworm", "Debian 12 && reboot"));

    private String menu(MenuSettings settings, Map<String, String> profileParams) {
        BootSettings s = TemplateFixtures.settings();
        Menu m = Menu.of(entries, settings, profileParams);
        return renderer.render("ipxe/menu", new RenderContext(Optional.empty(), unknownMachineReports(), TemplateKind.IPXE,
                new BootUrls(s), s, m, null));
    }

    @Test
    void listsEveryInstallerWhoseChoiceInstallsWithItsGroup() {
        String script = menu(MenuSettings.DEFAULTS, Map.of());
        assertThat(script).contains("item --gap Install:\n"
                        + "item install-alma9 AlmaLinux 9.4 (kickstart)\n"
                        + "item install-bookworm Debian 12 __ reboot\n")
                .contains("\n:install-alma9\necho bootproxy: installing AlmaLinux 9.4 (kickstart) on this machine (group alma9)\n"
                        + "chain " + PUBLIC_URL + "/unattended/iPXE?menu=alma9&mac=${netX/mac} || goto menu\nexit\n")
                .contains("choose --default local --timeout 60000 target || goto local\n")
                .doesNotContain("netbootxyz");
    }

    @Test
    void theTimeoutTakesTheConfiguredOrTheProfilesDefault() {
        assertThat(menu(new MenuSettings(10, "bookworm", Optional.empty()), Map.of()))
                .contains("choose --default install-bookworm --timeout 10000 target || goto local\n");
        assertThat(menu(MenuSettings.DEFAULTS, Map.of("menu_default", "alma9", "menu_timeout", "3")))
                .contains("choose --default install-alma9 --timeout 3000 target || goto local\n");
        assertThat(menu(new MenuSettings(0, "local", Optional.empty()), Map.of()))
                .as("0 waits for a key").contains("choose --default local target || goto local\n");
    }

    @Test
    void netbootXyzIsOfferedOnlyWhenConfigured() {
        String script = menu(new MenuSettings(60, "netbootxyz", Optional.of(URI.create("https://boot.netboot.xyz"))), Map.of());
        assertThat(script).contains("item netbootxyz netboot.xyz (more operating systems and tools)\n")
                .contains("\n:netbootxyz\nchain --autofree https://boot.netboot.xyz || goto menu\nexit\n")
                .contains("choose --default netbootxyz --timeout 60000 target");
    }

    @Test
    void withoutInstallersItStillOffersLocalBootRetryAndTheShell() {
        BootSettings s = TemplateFixtures.settings();
        String script = renderer.render("ipxe/menu", new RenderContext(Optional.empty(), unknownMachineReports(),
                TemplateKind.IPXE, new BootUrls(s), s));
        assertThat(script).doesNotContain("Install:").contains("item local ").contains("item retry ").contains("item shell ")
                .contains("chain " + PUBLIC_URL + "/unattended/iPXE?bootstrap=1 || goto menu");
    }
}
