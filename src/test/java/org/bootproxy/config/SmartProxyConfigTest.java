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

    /**
     * smart-proxy's TFTP module settings (theforeman/smart-proxy {@code modules/tftp/tftp_plugin.rb}:
     * {@code default_settings :tftp_connect_timeout => 10, :verify_server_cert => true}, validated boolean) are
     * accepted under their names instead of stopping start-up as unknown keys.
     */
    @Test
    void tftpConnectTimeoutAndVerifyServerCertAreSmartProxysKeysWithItsDefaults() {
        SmartProxyConfig defaults = resolve("");
        assertThat(defaults.downloads().connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(defaults.downloads().verifyServerCert()).isTrue();
        SmartProxyConfig p = resolve("tftp_connect_timeout: 40\nverify_server_cert: false\n");
        assertThat(p.downloads().connectTimeout()).isEqualTo(java.time.Duration.ofSeconds(40));
        assertThat(p.downloads().verifyServerCert()).isFalse();
        assertThatThrownBy(() -> resolve("tftp_connect_timeout: 0\n")).hasMessageContaining("tftp_connect_timeout");
        assertThatThrownBy(() -> resolve("verify_server_cert: perhaps\n")).hasMessageContaining("verify_server_cert")
                .hasMessageContaining("boolean");
    }

    /** theforeman/smart-proxy {@code lib/proxy/settings/global.rb}: {@code :forward_verify => true}. */
    @Test
    void forwardVerifyIsOnUnlessTurnedOff() {
        assertThat(resolve("").forwardVerify()).isTrue();
        assertThat(resolve("forward_verify: false\n").forwardVerify()).isFalse();
    }

    /**
     * theforeman/smart-proxy {@code lib/proxy/request.rb}: {@code foreman_ssl_ca || ssl_ca_file},
     * {@code foreman_ssl_cert || ssl_certificate}, {@code foreman_ssl_key || ssl_private_key}, each on its own.
     */
    @Test
    void eachForemanSslKeyFallsBackToItsSslKey() {
        SmartProxyConfig.ForemanTls t = resolve("ssl_certificate: proxy.pem\nssl_private_key: proxy.key\nssl_ca_file: puppet-ca.pem\n"
                + "foreman_ssl_ca: web-ca.pem\n").foremanTls();
        assertThat(t.ca()).contains(new SmartProxyConfig.PemFile("foreman_ssl_ca", Path.of("/etc/bootproxy/web-ca.pem")));
        assertThat(t.certificate()).contains(new SmartProxyConfig.PemFile("ssl_certificate", Path.of("/etc/bootproxy/proxy.pem")));
        assertThat(t.privateKey()).contains(new SmartProxyConfig.PemFile("ssl_private_key", Path.of("/etc/bootproxy/proxy.key")));

        SmartProxyConfig.ForemanTls own = resolve("foreman_ssl_cert: c.pem\nforeman_ssl_key: c.key\n").foremanTls();
        assertThat(own.ca()).isEmpty();
        assertThat(own.certificate()).hasValueSatisfying(c -> assertThat(c.key()).isEqualTo("foreman_ssl_cert"));
        assertThat(resolve("").foremanTls()).isEqualTo(SmartProxyConfig.ForemanTls.NONE);
        assertThatThrownBy(() -> resolve("foreman_ssl_cert: c.pem\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("foreman_ssl_cert is set but foreman_ssl_key (or ssl_private_key) is not");
    }

    @Test
    void smartProxyVersionIsAVersionForemanCanCompare() {
        assertThat(resolve("").version()).isEmpty();
        assertThat(resolve("smart_proxy_version: 3.13.0\n").version()).contains("3.13.0");
        assertThat(resolve("smart_proxy_version: '3.14'\n").version()).contains("3.14");
        assertThatThrownBy(() -> resolve("smart_proxy_version: latest\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("smart_proxy_version").hasMessageContaining("3.13.0");
    }

    @Test
    void templatesFromIsLocalFirstUnlessSetAndForemanNeedsForemanUrl() {
        assertThat(resolve("").templatesFrom()).isEqualTo(SmartProxyConfig.TemplatesFrom.LOCAL_FIRST);
        assertThat(resolve("templates_from: local\n").templatesFrom()).isEqualTo(SmartProxyConfig.TemplatesFrom.LOCAL);
        assertThat(resolve("foreman_url: https://foreman.example.com\ntemplates_from: Foreman\n").templatesFrom())
                .isEqualTo(SmartProxyConfig.TemplatesFrom.FOREMAN);
        assertThatThrownBy(() -> resolve("templates_from: foreman\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("foreman_url is not set");
        assertThatThrownBy(() -> resolve("templates_from: git\n")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("local, foreman, local-first");
    }
}
