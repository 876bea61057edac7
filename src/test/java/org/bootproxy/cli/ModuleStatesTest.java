package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.config.ConfigException;
import org.bootproxy.smartproxy.TrustedHosts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With tftp.optional, a TFTP server that cannot start is reported failed and the rest keep running (without it,
 * serve stops: ServeProcessTest); plain-HTTP trust is by address.
 */
class ModuleStatesTest {
    @TempDir
    Path dir;

    String config(int tftpPort, String trustedHosts) {
        return String.join("\n", "tftp: {optional: true}", "http_address: 127.0.0.1:0", "tftp_address: 127.0.0.1:" + tftpPort, "tftproot: tftpboot",
                "hosts: hosts", "state_dir: state", "templates: " + Path.of("templates").toAbsolutePath(),
                "template_url: http://proxy.example.com:8000", "trusted_hosts: " + trustedHosts, "");
    }

    @Test
    void optionalTftpThatCannotBindIsReportedFailedAndTheRestKeepsRunning() throws Exception {
        Files.createDirectories(dir.resolve("tftpboot"));
        Files.createDirectories(dir.resolve("hosts"));
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             RunningBootproxy proxy = new RunningBootproxy(dir, config(taken.getLocalPort(), "[127.0.0.1]"))) {
            ForemanClient fromTrustedAddress = ForemanClient.plain();

            JsonNode v2 = new ObjectMapper().readTree(fromTrustedAddress.get(proxy.http("/v2/features")).body());
            assertThat(v2.at("/tftp/state").asText()).isEqualTo("failed");
            assertThat(v2.at("/templates/state").asText()).isEqualTo("running");
            assertThat(v2.at("/httpboot/state").asText()).isEqualTo("running");
            assertThat(v2.at("/tftp/https_enabled").asBoolean()).isFalse();
            assertThat(fromTrustedAddress.get(proxy.http("/features")).body()).isEqualTo("[\"httpboot\",\"templates\"]");

            HttpResponse<String> push = fromTrustedAddress.post(proxy.http("/tftp/PXELinux/aa:bb:cc:dd:ee:ff"),
                    Map.of("pxeconfig", "x"));
            assertThat(push.statusCode()).isEqualTo(404);
            assertThat(push.body()).contains("TFTP module is failed");
            assertThat(fromTrustedAddress.get(proxy.http("/healthz")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void overPlainHttpATrustedAddressMayUseTheManagementApiLegacyRoutesIncluded() throws Exception {
        Files.createDirectories(dir.resolve("tftpboot"));
        Files.createDirectories(dir.resolve("hosts"));
        try (RunningBootproxy proxy = new RunningBootproxy(dir, config(0, "[10.0.0.0/8, 127.0.0.0/8]"))) {
            ForemanClient foreman = ForemanClient.plain();
            assertThat(foreman.post(proxy.http("/tftp/iPXE/aa:bb:cc:dd:ee:ff"), Map.of("pxeconfig", "#!ipxe\n")).statusCode())
                    .isEqualTo(200);
            assertThat(dir.resolve("tftpboot/pxelinux.cfg/01-aa-bb-cc-dd-ee-ff.ipxe")).hasContent("#!ipxe\n");

            // the routes without a variant are Syslinux's, as in smart-proxy
            assertThat(foreman.post(proxy.http("/tftp/create_default"), Map.of("menu", "DEFAULT menu\n")).statusCode())
                    .isEqualTo(200);
            assertThat(foreman.post(proxy.http("/tftp/aa:bb:cc:dd:ee:01"), Map.of("syslinux_config", "DEFAULT local\n"))
                    .statusCode()).isEqualTo(200);
            assertThat(dir.resolve("tftpboot/pxelinux.cfg/default")).hasContent("DEFAULT menu\n");
            assertThat(dir.resolve("tftpboot/pxelinux.cfg/01-aa-bb-cc-dd-ee-01")).hasContent("DEFAULT local\n");
            assertThat(foreman.delete(proxy.http("/tftp/aa:bb:cc:dd:ee:01")).statusCode()).isEqualTo(200);
            assertThat(dir.resolve("tftpboot/pxelinux.cfg/01-aa-bb-cc-dd-ee-01")).doesNotExist();
            HttpResponse<String> noConfig = foreman.post(proxy.http("/tftp/aa:bb:cc:dd:ee:02"), Map.of());
            assertThat(noConfig.statusCode()).isEqualTo(400);
            assertThat(noConfig.body()).isEqualTo("TFTP: Failed to create pxe config file: Invalid parameters received");
        }
    }

    @Test
    void trustedHostsSplitIntoNetworksAndNames() {
        TrustedHosts t = SmartProxyWiring.trustedHosts(Optional.of(List.of("Foreman.example.com", "192.0.2.0/24", "::1")));
        assertThat(t.names()).contains("foreman.example.com", "192.0.2.0/24");
        assertThat(t.addresses().test("192.0.2.77")).isTrue();
        assertThat(t.addresses().test("::1")).isTrue();
        assertThat(t.addresses().test("198.51.100.1")).isFalse();
        assertThat(SmartProxyWiring.trustedHosts(Optional.empty()).configured()).isFalse();
        assertThatThrownBy(() -> SmartProxyWiring.trustedHosts(Optional.of(List.of("192.0.2.0/33"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trusted_hosts");
    }
}
