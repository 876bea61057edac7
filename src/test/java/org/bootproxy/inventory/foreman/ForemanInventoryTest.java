package org.bootproxy.inventory.foreman;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bootproxy.inventory.foreman.ForemanSettingsBuilder.foremanAt;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Foreman's API v2 as stubs written from its rabl views: lookups, mapping, failures, build reports. */
class ForemanInventoryTest {

    @RegisterExtension
    static WireMockExtension foreman = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    /** web01 as Foreman holds it: a Foreman build token, two name servers, a template and a hostgroup parameter. */
    static final Host WEB01 = Hosts.web01().token("a8f0c3e2-5d1b-4f3e-9c7a-000000000001")
            .subnet(new Subnet("255.255.255.0", "192.0.2.1", List.of("192.0.2.53", "192.0.2.54"), "dhcp"))
            .param("kernelcmd", "console=ttyS0,115200").param("lang", "en_US.UTF-8")
            .template(TemplateKind.IPXE, "ipxe/kickstart").build();

    ForemanInventory inventory;
    ForemanStubs stubs;

    @BeforeEach
    void setUp() {
        stubs = new ForemanStubs(foreman::stubFor);
        inventory = new ForemanInventory(foremanAt(foreman.baseUrl()).build());
    }

    @AfterEach
    void tearDown() {
        inventory.close();
    }

    ForemanInventory withReadTimeout(Duration timeout) {
        inventory.close();
        inventory = new ForemanInventory(foremanAt(foreman.baseUrl()).readTimeout(timeout).build());
        return inventory;
    }

    @Test
    void secondaryNicMacFindsTheHostThroughHasMacWithBasicAuth() {
        stubs.serve(List.of(WEB01));
        Host h = inventory.findByMac(MacAddress.parse("52:54:00:AA:00:02")).orElseThrow();
        assertThat(h.name()).isEqualTo("web01.example.com");
        assertThat(h.provisionInterface().mac()).isEqualTo(MacAddress.parse("52:54:00:aa:00:01"));
        assertThat(h.interfaces()).extracting(Nic::identifier).containsExactly("eth0", "eth1"); // BMC left out
        foreman.verify(getRequestedFor(urlPathEqualTo("/api/v2/hosts"))
                .withQueryParam("search", equalTo("has_mac=52:54:00:aa:00:02"))
                .withHeader("Authorization", equalTo("Basic YWRtaW46Y2hhbmdlbWU=")));
    }

    @Test
    void primaryMacSearchIsTriedWhenHasMacFindsNothing() {
        stubs.serve(List.of());
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts")).atPriority(1)
                .withQueryParam("search", equalTo("mac=52:54:00:aa:00:01"))
                .willReturn(okJson(ForemanStubs.page(List.of(Map.entry(7L, WEB01.name()))).toString())));
        stubs.serve(WEB01, 7);
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts")).atPriority(1)
                .withQueryParam("search", equalTo("has_mac=52:54:00:aa:00:01"))
                .willReturn(okJson(ForemanStubs.page(List.of()).toString())));
        assertThat(inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01"))).map(Host::name).contains("web01.example.com");
    }

    @Test
    void parametersTemplatesAndMediumVariablesAreFilledIn() {
        stubs.serve(List.of(WEB01));
        Host h = inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")).orElseThrow();
        foreman.verify(getRequestedFor(urlPathEqualTo("/api/v2/media/1")));
        assertThat(ForemanStubs.medium(WEB01, 1).get("path").asText())
                .isEqualTo("http://mirror.example.com/almalinux/$major.$minor/BaseOS/$arch/os");
        assertThat(h.medium()).isEqualTo("http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os");
        assertThat(h.params()).containsEntry("kernelcmd", "console=ttyS0,115200").containsEntry("lang", "en_US.UTF-8")
                .containsEntry("inherited_from_hostgroup", "true");
        assertThat(h.templates()).containsEntry(TemplateKind.IPXE, "ipxe/kickstart");
        assertThat(h.subnet().dns()).containsExactly("192.0.2.53", "192.0.2.54");
        assertThat(h.token()).isEqualTo("a8f0c3e2-5d1b-4f3e-9c7a-000000000001");
        assertThat(h.source()).isEqualTo(foreman.baseUrl() + "/api/v2/hosts/1");
        foreman.verify(getRequestedFor(urlPathEqualTo("/api/v2/hosts/1")).withQueryParam("show_hidden_parameters", equalTo("true")));
    }

    @Test
    void everyMediumVariableIsSubstituted() {
        Host debian = Hosts.deb01().os(new OperatingSystem("Debian", "Debian", "12", "5", "amd64", "bookworm")).build();
        stubs.serve(List.of(debian));
        foreman.stubFor(get(urlPathEqualTo("/api/v2/media/1")).willReturn(okJson(
                "{\"id\":1,\"name\":\"Debian mirror\",\"path\":\"http://deb.example.com/$release/$major/$minor/$version/$arch\",\"os_family\":\"Debian\"}")));
        assertThat(inventory.findByMac(Hosts.DEB01_MAC).orElseThrow().medium())
                .isEqualTo("http://deb.example.com/bookworm/12/5/12.5/amd64");
    }

    @Test
    void operatingSystemMediumAndSubnetAreFetchedOnceForHostsThatShareThem() {
        Host web02 = Hosts.web01().name("web02.example.com").token("").onlyNic(MacAddress.parse("52:54:00:aa:01:01"), "").build();
        stubs.serve(List.of(WEB01));
        stubs.serve(web02, 2);
        // web02 shares web01's operating system, medium and subnet (id 1)
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts/2")).willReturn(okJson(ForemanStubs.host(web02, 2)
                .put("operatingsystem_id", 1).put("medium_id", 1).put("subnet_id", 1).toString())));
        inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01"));
        inventory.findByMac(MacAddress.parse("52:54:00:aa:01:01"));
        foreman.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/operatingsystems/1")));
        foreman.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/media/1")));
        foreman.verify(1, getRequestedFor(urlPathEqualTo("/api/v2/subnets/1")));
    }

    @Test
    void clientIpFindsTheHostThroughHasIp() {
        stubs.serve(List.of(WEB01));
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts")).atPriority(1).withQueryParam("search", equalTo("has_ip=192.0.2.11"))
                .willReturn(okJson(ForemanStubs.page(List.of(Map.entry(1L, WEB01.name()))).toString())));
        assertThat(inventory.findByIp("192.0.2.11")).map(Host::name).contains("web01.example.com");
        assertThat(inventory.findByIp("192.0.2.99")).isEmpty();
    }

    @Test
    void unknownMacIsNotFoundAfterBothSearches() {
        stubs.serve(List.of());
        assertThat(inventory.findByMac(MacAddress.parse("52:54:00:ff:ff:ff"))).isEmpty();
        foreman.verify(2, getRequestedFor(urlPathEqualTo("/api/v2/hosts")));
    }

    @Test
    void unauthorizedSaysWhichSettingsToCheck() {
        foreman.stubFor(ForemanStubs.anyHostsSearch().willReturn(ForemanStubs.status(401,
                "{\"error\":{\"message\":\"Unable to authenticate user admin\"}}")));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessage("Foreman at " + foreman.baseUrl()
                        + " answered 401 Unauthorized: check inventory.foreman.username and inventory.foreman.password");
    }

    @Test
    void hostThatVanishedBetweenSearchAndReadIsAnUpstreamFailureNotAMiss() {
        stubs.serve(List.of(WEB01));
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts/1")).willReturn(ForemanStubs.status(404,
                "{\"message\":\"Resource host not found by id '1'\"}")));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("answered 404 Not Found for GET /api/v2/hosts/1?show_hidden_parameters=true")
                .hasMessageContaining("Resource host not found");
    }

    @Test
    void serverErrorQuotesTheStartOfTheBody() {
        foreman.stubFor(ForemanStubs.anyHostsSearch().willReturn(ForemanStubs.status(500,
                "{\"error\":{\"message\":\"PG::ConnectionBad: could not connect to server\"}}")));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("answered 500 Internal Server Error for GET /api/v2/hosts?search=has_mac")
                .hasMessageContaining("PG::ConnectionBad");
    }

    @Test
    void slowAnswerTimesOutNamingTheSetting() {
        withReadTimeout(Duration.ofMillis(200));
        foreman.stubFor(ForemanStubs.anyHostsSearch().willReturn(okJson("{\"results\":[]}").withFixedDelay(2000)));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("timeout after 200ms waiting for GET /api/v2/hosts")
                .hasMessageContaining("inventory.foreman.read_timeout");
    }

    @Test
    void garbageInsteadOfJsonIsReportedWithItsStart() {
        foreman.stubFor(ForemanStubs.anyHostsSearch().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Welcome to nginx!</body></html>")));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("answered 200 OK but the body is not JSON")
                .hasMessageContaining("'<html><body>Welcome to nginx!")
                .hasMessageContaining("is inventory.foreman.url the API's address?");
    }

    @Test
    void jsonOfTheWrongShapeIsReported() {
        foreman.stubFor(ForemanStubs.anyHostsSearch().willReturn(okJson("{\"results\":\"nope\"}")));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("JSON of an unexpected shape");
    }

    @Test
    void hostWithoutOperatingSystemIsAMappingError() {
        stubs.serve(List.of(WEB01));
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts/1")).willReturn(okJson(ForemanStubs.host(WEB01, 1)
                .putNull("operatingsystem_id").toString())));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageStartingWith("mapping: host web01.example.com has no operating system in Foreman");
    }

    @Test
    void unknownTemplateKindInAParameterIsAMappingError() {
        stubs.serve(List.of(WEB01));
        var json = ForemanStubs.host(WEB01, 1);
        json.withArray("parameters").addObject().put("name", "bootproxy_template_ipxee").put("value", "x");
        foreman.stubFor(get(urlPathEqualTo("/api/v2/hosts/1")).willReturn(okJson(json.toString())));
        assertThatThrownBy(() -> inventory.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                .hasMessageContaining("parameter bootproxy_template_ipxee names no template kind 'ipxee'");
    }

    @Test
    void builtIsForwardedToForemansUnattendedEndpointWithTheTokenAndNoCredentials() {
        foreman.stubFor(get(urlPathEqualTo("/unattended/built")).willReturn(aResponse().withStatus(201)));
        inventory.reportBuilt(WEB01);
        foreman.verify(getRequestedFor(urlPathEqualTo("/unattended/built"))
                .withQueryParam("token", equalTo("a8f0c3e2-5d1b-4f3e-9c7a-000000000001"))
                .withHeader("X-Forwarded-For", equalTo("192.0.2.11"))
                .withHeader("Authorization", absent()));
    }

    @Test
    void builtWithoutATokenNamesTheProvisioningMac() {
        foreman.stubFor(get(urlPathEqualTo("/unattended/built")).willReturn(aResponse().withStatus(201)));
        inventory.reportBuilt(Hosts.web01().token("").build());
        foreman.verify(getRequestedFor(urlPathEqualTo("/unattended/built")).withQueryParam("mac", equalTo("52:54:00:aa:00:01")));
    }

    @Test
    void builtRefusedBecauseForemanHasTheHostOutOfBuildSaysSo() {
        foreman.stubFor(get(urlPathEqualTo("/unattended/built")).willReturn(aResponse().withStatus(405)));
        assertThatThrownBy(() -> inventory.reportBuilt(WEB01))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageContaining("says web01.example.com is not in build mode (405 Method Not Allowed)");
    }

    @Test
    void failedIsPostedWithTheInstallersReport() {
        foreman.stubFor(post(urlPathEqualTo("/unattended/failed")).willReturn(aResponse().withStatus(201)));
        inventory.reportFailed(WEB01, "anaconda: no usable disks\n");
        foreman.verify(postRequestedFor(urlPathEqualTo("/unattended/failed"))
                .withQueryParam("token", equalTo("a8f0c3e2-5d1b-4f3e-9c7a-000000000001"))
                .withRequestBody(equalTo("anaconda: no usable disks\n")));
    }

    @Test
    void personalAccessTokenIsSentAsTheBasicPassword() {
        inventory.close();
        inventory = new ForemanInventory(foremanAt(foreman.baseUrl()).token("svc-boot", "pat-123").build());
        stubs.serve(List.of());
        inventory.findByMac(MacAddress.parse("52:54:00:ff:ff:ff"));
        foreman.verify(getRequestedFor(urlPathMatching("/api/v2/hosts.*"))
                .withHeader("Authorization", equalTo("Basic c3ZjLWJvb3Q6cGF0LTEyMw==")));
    }

    @Test
    void connectionRefusedIsReportedWithTheAddress() {
        var down = new ForemanInventory(foremanAt("http://127.0.0.1:9").build());
        try {
            assertThatThrownBy(() -> down.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                    .isInstanceOf(UpstreamUnavailable.class)
                    .hasMessageStartingWith("Foreman at http://127.0.0.1:9: cannot connect to 127.0.0.1:9");
        } finally {
            down.close();
        }
    }

    @Test
    void unresolvableNameIsReportedAsDns() {
        var nowhere = new ForemanInventory(foremanAt("https://foreman.invalid").build());
        try {
            assertThatThrownBy(() -> nowhere.findByMac(MacAddress.parse("52:54:00:aa:00:01")))
                    .isInstanceOf(UpstreamUnavailable.class)
                    .hasMessageContaining("DNS: cannot resolve foreman.invalid");
        } finally {
            nowhere.close();
        }
    }

    @Test
    void settingsWithoutAUrlAreRefused() {
        assertThatThrownBy(() -> foremanAt("").build()).hasMessage("Foreman's url is required");
    }
}
