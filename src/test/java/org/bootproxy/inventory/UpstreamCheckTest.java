package org.bootproxy.inventory;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.unauthorized;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.bootproxy.inventory.foreman.ForemanSettingsBuilder.foremanAt;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.inventory.cmdb.CmdbInventory;
import org.bootproxy.inventory.cmdb.CmdbYaml;
import org.bootproxy.inventory.foreman.ForemanInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UpstreamCheckTest {

    @RegisterExtension
    static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    CmdbInventory cmdb() {
        return new CmdbInventory(CmdbYaml.settings("""
                name: hostdb
                url: "%s/api/hosts?mac={mac}"
                mapping: {name: /lookup/hostname, os.family: /lookup/os/family, build: /lookup/build}
                """.formatted(wm.baseUrl())));
    }

    @Test
    void foundHostPrintsTheRawAnswerAndEveryField() {
        wm.stubFor(get(urlPathEqualTo("/api/hosts")).willReturn(okJson(
                "{\"hostname\":\"web01.example.com\",\"build\":true,\"os\":{\"family\":\"Redhat\"},\"rack\":\"R12\"}")));
        try (var inv = cmdb()) {
            assertThat(new UpstreamCheck(inv).run(MacAddress.parse("52:54:00:aa:00:01"), out)).isEqualTo(UpstreamCheck.FOUND);
        }
        assertThat(printed())
                .contains("GET " + wm.baseUrl() + "/api/hosts?mac=52:54:00:aa:00:01 -> 200 OK in ")
                .contains("    \"rack\" : \"R12\"")
                .contains("Host web01.example.com")
                .contains("  build       true")
                .contains("  interfaces  52:54:00:aa:00:01  (no ip)  (no name)  provision")
                .contains("  os          (family Redhat, arch x86_64)")
                .contains("OK: MAC 52:54:00:aa:00:01 is web01.example.com");
    }

    @Test
    void mappingErrorIsPrintedWithTheFieldAfterTheRawAnswer() {
        wm.stubFor(get(urlPathEqualTo("/api/hosts")).willReturn(okJson("{\"hostname\":\"web01.example.com\",\"build\":true}")));
        try (var inv = cmdb()) {
            assertThat(new UpstreamCheck(inv).run(MacAddress.parse("52:54:00:aa:00:01"), out)).isEqualTo(UpstreamCheck.FAILED);
        }
        assertThat(printed()).contains("\"hostname\" : \"web01.example.com\"")
                .endsWith("FAILED: mapping: field os.family: JSON pointer /lookup/os/family not found in the response" + System.lineSeparator());
    }

    @Test
    void answerThatIsNotJsonIsPrintedAsItCame() {
        wm.stubFor(get(urlPathEqualTo("/api/hosts")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()
                .withBody("<html>Bad Gateway</html>")));
        try (var inv = cmdb()) {
            assertThat(new UpstreamCheck(inv).run(MacAddress.parse("52:54:00:aa:00:01"), out)).isEqualTo(UpstreamCheck.FAILED);
        }
        assertThat(printed()).contains("-> 500 Internal Server Error").contains("\n  <html>Bad Gateway</html>\n");
    }

    @Test
    void unknownMacSaysNotFound() {
        wm.stubFor(get(urlPathEqualTo("/api/hosts")).willReturn(com.github.tomakehurst.wiremock.client.WireMock.notFound()));
        try (var inv = cmdb()) {
            assertThat(new UpstreamCheck(inv).run(MacAddress.parse("52:54:00:aa:00:01"), out)).isEqualTo(UpstreamCheck.NOT_FOUND);
        }
        assertThat(printed()).contains("-> 404 Not Found").contains("NOT FOUND: upstream answered, and no host has MAC 52:54:00:aa:00:01");
    }

    @Test
    void rejectedCredentialsArePrintedWithTheSettingToFix() {
        wm.stubFor(get(urlPathEqualTo("/api/v2/hosts")).willReturn(unauthorized()
                .withBody("{\"error\":{\"message\":\"Unable to authenticate user admin\"}}")));
        try (var inv = new ForemanInventory(foremanAt(wm.baseUrl()).login("admin", "wrong").build())) {
            assertThat(new UpstreamCheck(inv).run(MacAddress.parse("52:54:00:aa:00:01"), out)).isEqualTo(UpstreamCheck.FAILED);
        }
        assertThat(printed()).startsWith("Asking Foreman at " + wm.baseUrl() + " as admin about MAC 52:54:00:aa:00:01")
                .contains("-> 401 Unauthorized").contains("Unable to authenticate user admin")
                .contains("FAILED: Foreman at " + wm.baseUrl() + " answered 401 Unauthorized: check inventory.foreman.username");
    }

    @Test
    void noAnswerIsPrintedWithTheReason() {
        try (var inv = new ForemanInventory(foremanAt("http://127.0.0.1:9").build())) {
            assertThat(new UpstreamCheck(inv).run(MacAddress.parse("52:54:00:aa:00:01"), out)).isEqualTo(UpstreamCheck.FAILED);
        }
        assertThat(printed()).contains("-> no answer after").contains("cannot connect to 127.0.0.1:9");
    }
}
