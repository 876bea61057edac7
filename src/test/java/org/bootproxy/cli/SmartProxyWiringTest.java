package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigLoader;
import org.bootproxy.config.Overrides;
import org.bootproxy.smartproxy.SmartProxySettings;
import org.junit.jupiter.api.Test;

/** The smart-proxy keys of the config reach the smart-proxy API's own settings. */
class SmartProxyWiringTest {

    static SmartProxySettings settings(String yaml) {
        BootproxyConfig c = BootproxyConfig.resolve(ConfigLoader.parse("bootproxy.yaml", yaml), Path.of("/etc/bootproxy"),
                Overrides.NONE);
        return SmartProxyWiring.settings(c);
    }

    @Test
    void everySmartProxyKeyIsCarriedOver() {
        SmartProxySettings s = settings("foreman_url: https://foreman.example.com\ntemplates_from: foreman\n"
                + "tftp_connect_timeout: 40\nverify_server_cert: false\nforward_verify: false\nsmart_proxy_version: 3.13.0\n");
        assertThat(s.templatesFrom()).isEqualTo(SmartProxySettings.TemplatesFrom.FOREMAN);
        assertThat(s.downloads()).isEqualTo(new SmartProxySettings.Downloads(Duration.ofSeconds(40), false));
        assertThat(s.forwardVerify()).isFalse();
        assertThat(s.version()).isEqualTo("3.13.0");
    }

    @Test
    void withoutThemSmartProxysDefaultsAndBootproxysOwnVersion() {
        SmartProxySettings s = settings("");
        assertThat(s.templatesFrom()).isEqualTo(SmartProxySettings.TemplatesFrom.LOCAL_FIRST);
        assertThat(s.downloads()).isEqualTo(SmartProxySettings.Downloads.DEFAULTS);
        assertThat(s.forwardVerify()).isTrue();
        assertThat(s.version()).isEqualTo(VersionProvider.version());
    }
}
