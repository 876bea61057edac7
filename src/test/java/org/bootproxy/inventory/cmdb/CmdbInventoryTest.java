package org.bootproxy.inventory.cmdb;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The two worked examples of docs/upstream.md against stubs, and the CMDB failure messages. */
class CmdbInventoryTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    static final MacAddress WEB01_ETH1 = Hosts.WEB01_SECOND_MAC;
    /** web01 with a template override, so the mapping of templates shows. */
    static final Host WEB01 = Hosts.web01().template(TemplateKind.IPXE, "ipxe/kickstart").build();

    CmdbInventory inventory;

    @AfterEach
    void close() {
        if (inventory != null) {
            inventory.close();
        }
    }

    CmdbInventory homegrown() {
        inventory = new CmdbInventory(DocExamples.cmdb("homegrown",
                Map.of("https://hostdb.example.com", wm.baseUrl(), "${HOSTDB_TOKEN}", "s3cret")));
        return inventory;
    }

    CmdbInventory netbox() {
        inventory = new CmdbInventory(DocExamples.cmdb("netbox",
                Map.of("https://netbox.example.com", wm.baseUrl(), "${NETBOX_TOKEN}", "0123456789abcdef")));
        return inventory;
    }

    void homegrownServes(Host h) {
        HomegrownStubs.serve(wm::stubFor, List.of(h));
    }

    @Test
    void homegrownLookupSendsTheBearerTokenAndMapsEveryField() {
        homegrownServes(WEB01);
        Host h = homegrown().findByMac(WEB01_ETH1).orElseThrow();
        wm.verify(getRequestedFor(urlPathEqualTo("/api/hosts")).withQueryParam("mac", equalTo("52:54:00:aa:00:02"))
                .withHeader("Authorization", equalTo("Bearer s3cret")));
        assertThat(h.name()).isEqualTo("web01.example.com");
        assertThat(h.templates()).containsEntry(TemplateKind.IPXE, "ipxe/kickstart");
        assertThat(h.subnet().dns()).containsExactly("192.0.2.53");
        assertThat(h.provisionInterface().identifier()).isEqualTo("eth0");
        assertThat(h.source()).isEqualTo(wm.baseUrl() + "/api/hosts?mac=52:54:00:aa:00:02");
    }

    @Test
    void revisionIsTheSameWhicheverNicAsked() {
        homegrownServes(WEB01);
        var inv = homegrown();
        assertThat(inv.findByMac(WEB01_ETH1).orElseThrow().revision())
                .isEqualTo(inv.findByMac(MacAddress.parse("52:54:00:aa:00:01")).orElseThrow().revision());
    }

    @Test
    void missingFieldNamesTheFieldAndThePointer() {
        var json = HomegrownStubs.host(WEB01);
        ((com.fasterxml.jackson.databind.node.ObjectNode) json.get("os")).remove("family");
        wm.stubFor(get(urlPathEqualTo("/api/hosts")).willReturn(okJson(json.toString())));
        assertThatThrownBy(() -> homegrown().findByMac(WEB01_ETH1))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessage("mapping: field os.family: JSON pointer /lookup/os/family not found in the response");
    }

    @Test
    void valueOfTheWrongKindIsAMappingError() {
        var json = HomegrownStubs.host(WEB01).put("build", "perhaps");
        wm.stubFor(get(urlPathEqualTo("/api/hosts")).willReturn(okJson(json.toString())));
        assertThatThrownBy(() -> homegrown().findByMac(WEB01_ETH1))
                .hasMessage("mapping: field build: JSON pointer /lookup/build holds \"perhaps\", not true or false");
    }

    @Test
    void rejectedCredentialsSayWhereToLook() {
        wm.stubFor(get(urlPathEqualTo("/api/hosts")).willReturn(unauthorized()));
        assertThatThrownBy(() -> homegrown().findByMac(WEB01_ETH1))
                .hasMessage("hostdb at " + wm.baseUrl() + " answered 401 Unauthorized: check inventory.cmdb.auth"
                        + " (or the Authorization header in inventory.cmdb.headers)");
    }

    @Test
    void netboxInterfaceThenDeviceThenItsInterfacesGiveTheHost() {
        NetBoxStubs.serve(wm::stubFor);
        Host h = netbox().findByMac(MacAddress.parse("52:54:00:AA:00:02")).orElseThrow();
        wm.verify(getRequestedFor(urlPathEqualTo("/api/dcim/interfaces/")).withQueryParam("mac_address", equalTo("52:54:00:aa:00:02"))
                .withHeader("Authorization", equalTo("Token 0123456789abcdef")));
        assertThat(h.name()).isEqualTo("web01");
        assertThat(h.build()).isTrue();
        assertThat(h.os().family()).isEqualTo("Redhat");
        assertThat(h.os().version()).isEqualTo("9.4");
        assertThat(h.medium()).isEqualTo("http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os");
        assertThat(h.interfaces()).extracting(Nic::identifier).containsExactly("eno1", "eno2"); // bond0 has no MAC
        assertThat(h.provisionInterface().identifier()).isEqualTo("eno1");
        assertThat(h.provisionInterface().ip()).isEqualTo("192.0.2.11");
        assertThat(h.params()).containsEntry("kernelcmd", "console=ttyS0");
        assertThat(h.subnet().gateway()).isEqualTo("192.0.2.1");
        assertThat(h.revision()).startsWith("cmdb:");
    }

    @Test
    void netboxWithNoInterfaceForTheMacIsNotFound() {
        NetBoxStubs.serve(wm::stubFor);
        assertThat(netbox().findByMac(MacAddress.parse("52:54:00:ff:ff:ff"))).isEmpty();
        wm.verify(0, getRequestedFor(urlPathEqualTo("/api/dcim/devices/12/")));
    }

    @Test
    void followUpThatFailsNamesItsRequest() {
        NetBoxStubs.serve(wm::stubFor);
        wm.stubFor(get(urlPathEqualTo("/api/dcim/devices/12/")).atPriority(1).willReturn(
                com.github.tomakehurst.wiremock.client.WireMock.serverError().withBody("{\"detail\":\"db down\"}")));
        assertThatThrownBy(() -> netbox().findByMac(WEB01_ETH1))
                .hasMessageContaining("NetBox at " + wm.baseUrl() + " answered 500 Internal Server Error for GET /api/dcim/devices/12/");
    }

    @Test
    void macSpellingsInTheUrl() {
        wm.stubFor(get(urlPathEqualTo("/h/52-54-00-aa-00-02/525400aa0002/52:54:00:AA:00:02"))
                .willReturn(okJson("{\"n\":\"x.example.com\"}")));
        inventory = new CmdbInventory(CmdbYaml.settings("""
                url: "%s/h/{mac_hyphens}/{mac_bare}/{mac_upper}"
                mapping: {name: /lookup/n, os.family: Debian}
                """.formatted(wm.baseUrl())));
        assertThat(inventory.findByMac(WEB01_ETH1)).map(Host::name).contains("x.example.com");
    }
}
