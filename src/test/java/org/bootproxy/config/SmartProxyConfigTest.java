package org.bootproxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** smart-proxy's setting names, read as smart-proxy reads them. */
class SmartProxyConfigTest {

    static SmartProxyConfig resolve(String yaml) {
        return BootproxyConfigTest.resolve(yaml, Overrides.NONE).smartProxy();
    }

    @Test
    void withoutSmartProxyKeysThereIsNoHttpsNoForemanAndNoTrustedHost() {
        SmartProxyConfig p = resolve("");
        assertThat(p.https()).isEmpty();
        assertThat(p.foremanUrl()).isEmpty();
        assertThat(p.trustedHosts()).isEmpty();
        assertThat(p.tftpServername()).isEmpty();
    }

    @Test
    void theThreeSslFilesTurnHttpsOnAt8443() {
        SmartProxyConfig p = resolve("ssl_certificate: ssl/proxy.pem\nssl_private_key: ssl/proxy.key\nssl_ca_file: /etc/ca.pem\n"
                + "foreman_url: https://foreman.example.com/\ntrusted_hosts: [foreman.example.com]\ntftp_servername: 192.0.2.1\n");
        assertThat(p.https()).hasValueSatisfying(h -> {
            assertThat(h.address()).isEqualTo(new HostPort("0.0.0.0", 8443));
            assertThat(h.certificate()).isEqualTo(Path.of("/etc/bootproxy/ssl/proxy.pem"));
            assertThat(h.privateKey()).isEqualTo(Path.of("/etc/bootproxy/ssl/proxy.key"));
            assertThat(h.caFile()).isEqualTo(Path.of("/etc/ca.pem"));
        });
        assertThat(p.foremanUrl()).contains(URI.create("https://foreman.example.com"));
        assertThat(p.trustedHosts()).contains(List.of("foreman.example.com"));
        assertThat(p.tftpServername()).isEqualTo("192.0.2.1");
        assertThat(resolve("ssl_certificate: a\nssl_private_key: b\nssl_ca_file: c\nhttps_address: 192.0.2.1:9443\n").https())
                .hasValueSatisfying(h -> assertThat(h.address()).isEqualTo(new HostPort("192.0.2.1", 9443)));
    }

    @Test
    void halfAnHttpsSetupIsAnError() {
        assertThatThrownBy(() -> resolve("ssl_certificate: a\nssl_private_key: b\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing: ssl_ca_file");
        assertThatThrownBy(() -> resolve("https_address: 0.0.0.0:8443\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ssl_certificate");
        assertThatThrownBy(() -> resolve("ssl_certificate: a\nssl_private_key: b\nssl_ca_file: c\nhttps_address: 8443\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("https_address");
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> resolve("foreman_url: foreman.example.com\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("foreman_url");
        assertThatThrownBy(() -> resolve("trusted_hosts: ['foreman example']\n"))
                .isInstanceOf(ConfigException.class).hasMessageContaining("trusted_hosts");
        assertThatThrownBy(() -> resolve("trusted_host: [x]\n")).hasMessageContaining("did you mean 'trusted_hosts'");
    }
}
