package org.bootproxy.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.fakes.Hosts.ALMA01;
import static org.bootproxy.fakes.Hosts.ALMA01_MAC;
import static org.bootproxy.fakes.Hosts.NOBLE01;
import static org.bootproxy.fakes.Hosts.UNKNOWN_MAC;
import static org.bootproxy.render.TemplateFixtures.context;

import java.util.List;
import java.util.Map;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.TemplateKind;
import org.junit.jupiter.api.Test;

/** The names templates see (documented in templates/README.md). */
class RenderModelTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void hostIsDescribedWithPlainValues() {
        Map<String, Object> model = RenderModel.of(context(ALMA01, TemplateKind.IPXE));
        Map<String, Object> host = map(model.get("host"));
        assertThat(model.get("has_host")).isEqualTo(true);
        assertThat(host).containsEntry("name", "alma01.example.com")
                .containsEntry("shortname", "alma01")
                .containsEntry("domain", "example.com")
                .containsEntry("build", true)
                .containsEntry("token", "tok-alma")
                .containsEntry("ip", "192.0.2.11")
                .containsEntry("mac", ALMA01_MAC.colons())
                .containsEntry("medium", "http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os/")
                .containsEntry("revision", "rev-1");
        assertThat(map(host.get("os"))).containsEntry("name", "AlmaLinux").containsEntry("family", "Redhat")
                .containsEntry("major", "9").containsEntry("minor", "4").containsEntry("version", "9.4")
                .containsEntry("arch", "x86_64").containsEntry("release_name", "");
        assertThat(map(host.get("subnet"))).containsEntry("boot_mode", "dhcp").containsEntry("static", false)
                .containsEntry("mask", "").containsEntry("prefix", "").containsEntry("dns", List.of());
        assertThat(map(host.get("params")).keySet()).containsExactly("kernelcmd", "ssh_authorized_keys");
    }

    /** The same names for host files and Foreman: a hostgroup title "Base/Web" is the chain Base, Web. */
    @Test
    void theHostsGroupIsHostGroupAndHostgroupAsForeman() {
        Map<String, Object> model = RenderModel.of(context(org.bootproxy.fakes.Hosts.alma01().groups("base", "web").build(),
                TemplateKind.IPXE));
        assertThat(map(model.get("host"))).containsEntry("group", "base/web").containsEntry("groups", List.of("base", "web"));
        assertThat(model.get("hostgroup")).isEqualTo("base/web");
        Map<String, Object> none = RenderModel.of(context(ALMA01, TemplateKind.IPXE));
        assertThat(map(none.get("host"))).containsEntry("group", "").containsEntry("groups", List.of());
    }

    @Test
    void anUnknownMachinesProfileAndFactsAreThereWhenItGotOne() {
        var facts = new MachineFacts("SN1", "Dell Inc.", "PowerEdge R640", "4C4C4544-0042", "x86_64", "efi",
                List.of(UNKNOWN_MAC), java.util.Optional.empty());
        var request = new BootRequest("192.0.2.100", List.of(), "", false, facts);
        var profile = new org.bootproxy.boot.Profile("r640", Map.of(), "ipxe/menu", Map.of("menu_default", "alma9"), "",
                "profiles/r640.yaml");
        var s = TemplateFixtures.settings();
        var ctx = new org.bootproxy.boot.RenderContext(java.util.Optional.empty(), request, TemplateKind.IPXE,
                new org.bootproxy.boot.BootUrls(s), s, null,
                new org.bootproxy.boot.ProfileChoice(java.util.Optional.of(profile), List.of(profile), "r640: (no selectors)"));
        Map<String, Object> model = RenderModel.of(ctx);
        assertThat(map(model.get("profile"))).containsEntry("name", "r640").containsEntry("why", "r640: (no selectors)")
                .containsEntry("params", Map.of("menu_default", "alma9"));
        assertThat(map(model.get("request"))).containsEntry("uuid", "4c4c4544-0042").containsEntry("arch", "x86_64");
        assertThat(map(model.get("menu"))).containsEntry("default_item", "local").containsEntry("timeout", 60);
        assertThat(RenderModel.of(context(null, TemplateKind.IPXE))).doesNotContainKey("profile");
    }

    @Test
    void exactlyOneInterfaceIsTheProvisionInterface() {
        List<?> nics = (List<?>) map(RenderModel.of(context(ALMA01, TemplateKind.IPXE)).get("host")).get("interfaces");
        assertThat(nics).hasSize(2);
        assertThat(map(nics.get(0))).containsEntry("mac", "52:54:00:a1:00:01").containsEntry("mac_hyphens", "52-54-00-a1-00-01")
                .containsEntry("ip", "").containsEntry("identifier", "eth0").containsEntry("provision", false);
        assertThat(map(nics.get(1))).containsEntry("mac", ALMA01_MAC.colons()).containsEntry("provision", true);
    }

    @Test
    void topLevelAliasesAreTheHostsOwnValues() {
        Map<String, Object> model = RenderModel.of(context(ALMA01, TemplateKind.IPXE));
        Map<String, Object> host = map(model.get("host"));
        for (String alias : List.of("interfaces", "os", "medium", "params")) {
            assertThat(model.get(alias)).as(alias).isSameAs(host.get(alias));
        }
    }

    @Test
    void withoutHostThereAreNoHostNames() {
        Map<String, Object> model = RenderModel.of(context(null, TemplateKind.IPXE));
        assertThat(model.get("has_host")).isEqualTo(false);
        assertThat(model).doesNotContainKeys("host", "interfaces", "os", "medium", "params");
        assertThat(model).containsKeys("request", "kind", "bootproxy", "url", "userdata_url", "pub_url");
    }

    @Test
    void requestAndSettingsAreThere() {
        BootRequest request = new BootRequest("192.0.2.100", List.of(UNKNOWN_MAC), "", true,
                new MachineFacts("SN1", "QEMU", "PC", List.of(ALMA01_MAC, UNKNOWN_MAC)));
        Map<String, Object> model = RenderModel.of(context(null, TemplateKind.IPXE, request));
        assertThat(map(model.get("request"))).containsEntry("client_ip", "192.0.2.100")
                .containsEntry("mac", UNKNOWN_MAC.colons())
                .containsEntry("macs", List.of(UNKNOWN_MAC.colons()))
                .containsEntry("serial", "SN1").containsEntry("manufacturer", "QEMU").containsEntry("product", "PC")
                .containsEntry("bootstrap", true)
                .containsEntry("reported_macs", List.of(ALMA01_MAC.colons(), UNKNOWN_MAC.colons()));
        assertThat(model.get("kind")).isEqualTo("iPXE");
        assertThat(map(model.get("bootproxy"))).containsEntry("public_url", TemplateFixtures.PUBLIC_URL)
                .containsEntry("intermediate_nics", 8).containsEntry("retry_seconds", 10)
                .containsEntry("unknown_answer", "message");
    }

    @Test
    void shortNameWithoutDomainHasEmptyDomain() {
        Map<String, Object> host = map(RenderModel.of(context(NOBLE01, TemplateKind.IPXE)).get("host"));
        assertThat(host).containsEntry("shortname", "noble01").containsEntry("domain", "");
        assertThat(map(host.get("subnet"))).containsEntry("static", true).containsEntry("prefix", "24");
    }

    @Test
    void prefixLengthOnlyForRealNetmasks() {
        assertThat(RenderModel.prefixLength("255.255.255.0")).isEqualTo("24");
        assertThat(RenderModel.prefixLength("255.255.252.0")).isEqualTo("22");
        assertThat(RenderModel.prefixLength("255.255.255.255")).isEqualTo("32");
        assertThat(RenderModel.prefixLength("0.0.0.0")).isEqualTo("0");
        assertThat(RenderModel.prefixLength("255.0.255.0")).isEmpty();
        assertThat(RenderModel.prefixLength("255.255.256.0")).isEmpty();
        assertThat(RenderModel.prefixLength("24")).isEmpty();
        assertThat(RenderModel.prefixLength("")).isEmpty();
    }
}
