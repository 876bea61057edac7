package org.bootproxy.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /version} as smart-proxy answers it (theforeman/smart-proxy {@code modules/root/root_api.rb}:
 * {@code {:version => Proxy::VERSION, :modules => {name => plugin.version}}}; the core modules' version is
 * {@code Proxy::VERSION}), with the version the operator sets so that Foreman's proxy page does not warn.
 */
class VersionTest {
    @TempDir
    Path dir;
    Javalin app;
    SmartProxy proxy;

    @AfterEach
    void stop() {
        if (app != null) {
            app.stop();
            proxy.close();
        }
    }

    JsonNode version(String configured) throws Exception {
        ModuleStates states = new ModuleStates();
        states.set(Feature.TFTP, ModuleStates.State.RUNNING);
        states.set(Feature.TEMPLATES, ModuleStates.State.RUNNING);
        states.set(Feature.HTTPBOOT, ModuleStates.State.FAILED);
        proxy = new SmartProxy(new SmartProxySettings(dir, "", URI.create("http://proxy.example.com:8000"), Optional.empty(),
                TrustedHosts.notSet(), configured, Optional.empty(), SmartProxySettings.Timeouts.DEFAULTS), states,
                Optional.empty());
        app = SmartProxyApp.serve(proxy);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.port() + "/version")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body());
    }

    @Test
    void theConfiguredVersionIsTheProxysAndEveryRunningModulesWithoutDevelop() throws Exception {
        JsonNode v = version("3.13.0-develop");
        assertThat(v.get("version").asText()).isEqualTo("3.13.0-develop");
        assertThat(v.get("modules").toString()).isEqualTo("{\"templates\":\"3.13.0\",\"tftp\":\"3.13.0\"}");
    }

    @Test
    void foremanFindsTheConfiguredVersionCompatibleWithItsOwn() throws Exception {
        String proxyVersion = version("3.13.0").get("version").asText();
        assertThat(versionsMismatched("3.13.1", proxyVersion)).isFalse();
        assertThat(versionsMismatched("3.12.0", proxyVersion)).as("proxy one minor ahead is fine").isFalse();
        assertThat(versionsMismatched("3.14.0", proxyVersion)).isTrue();
        assertThat(versionsMismatched("3.13.0", "0.1.0")).as("bootproxy's own version, the default").isTrue();
    }

    /**
     * Foreman's own check, from theforeman/foreman {@code app/controllers/smart_proxies_controller.rb}
     * ({@code versions_mismatched?}): major differs, or the proxy's minor is not Foreman's or one more.
     */
    static boolean versionsMismatched(String foreman, String proxy) {
        String[] f = foreman.split("[.-]");
        String[] p = proxy.split("[.-]");
        int foremanMajor = Integer.parseInt(f[0]);
        int foremanMinor = Integer.parseInt(f[1]);
        int proxyMajor = Integer.parseInt(p[0]);
        int proxyMinor = Integer.parseInt(p[1]);
        return foremanMajor != proxyMajor || foremanMinor > proxyMinor || foremanMinor + 1 < proxyMinor;
    }
}
