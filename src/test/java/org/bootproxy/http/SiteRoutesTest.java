package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.WEB01;
import static org.bootproxy.fakes.Hosts.WEB01_MAC;

import java.util.Map;
import org.bootproxy.boot.Glob;
import org.bootproxy.boot.Profile;
import org.bootproxy.boot.Selector;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.FixedSite;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** matchbox's /ignition?mac=, the OS menu's ?menu= choice and the facts profiles select on, over real HTTP. */
class SiteRoutesTest {
    private HttpFixture app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void ignitionIsServedAtMatchboxsUrlAsJson() throws Exception {
        var fcos = Hosts.web01().template(TemplateKind.IGNITION, "ignition/coreos").build();
        app = new HttpFixture(new FixedInventory(fcos));
        var r = app.get("/ignition?mac=" + WEB01_MAC.hyphens());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(r.body()).contains("template=ignition/coreos host=web01.example.com kind=ignition");
        assertThat(app.get("/unattended/ignition?token=tok-web01").body()).contains("template=ignition/coreos");
        assertThat(app.get("/ignition?mac=52:54:00:ff:ff:ff").statusCode()).isEqualTo(404);
    }

    @Test
    void aMenuChoiceInstallsTheMachineWithThatGroup() throws Exception {
        app = new HttpFixture(new FixedInventory(), new FixedSite().group("alma9", WEB01, "AlmaLinux 9"));
        var r = app.get("/unattended/iPXE?menu=alma9&mac=52%3A54%3A00%3A12%3A34%3A56");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("template=ipxe/kickstart host=discovered-525400123456 kind=iPXE");
        var ks = app.get("/unattended/provision?token=bp.group.alma9.525400123456");
        assertThat(ks.body()).contains("template=kickstart/default host=discovered-525400123456");
        var unlisted = app.get("/unattended/iPXE?menu=rack-z&mac=52:54:00:12:34:56");
        assertThat(unlisted.statusCode()).as("a wait-it-out script for iPXE").isEqualTo(200);
        assertThat(unlisted.body()).contains("the OS menu has no entry rack-z");
    }

    @Test
    void theUuidAndArchitectureTheIntermediateScriptSendsSelectAProfile() throws Exception {
        Profile byUuid = new Profile("lab", Map.of(Selector.UUID, new Glob("4c4c4544-*"), Selector.ARCH, new Glob("x86_64")),
                "ipxe/menu", Map.of(), "", "profiles/lab.yaml");
        app = new HttpFixture(new FixedInventory(), new FixedSite(byUuid));
        var r = app.get("/unattended/iPXE?unknown=1&macs=52:54:00:12:34:56&uuid=4C4C4544-0042&arch=x86_64");
        assertThat(r.body()).contains("template=ipxe/menu");
        assertThat(app.events.awaitStage("unknown-machine").fields()).containsEntry("profile", "lab")
                .containsEntry("uuid", "4c4c4544-0042").containsEntry("arch", "x86_64");
    }
}
