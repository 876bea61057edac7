package org.bootproxy.smartproxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.bootproxy.inventory.upstream.Tls;
import org.bootproxy.inventory.upstream.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** To an https foreman_url the proxy presents its own certificate (ssl_certificate) and checks Foreman's (ssl_ca_file). */
class ForemanOverHttpsTest {
    @TempDir
    static Path dir;
    static TestPki pki;
    static WireMockServer foreman;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir);
        foreman = new WireMockServer(pki.httpsServerRequiringClientsOf(pki));
        foreman.start();
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("# from Foreman\n")));
    }

    @AfterAll
    static void stop() {
        foreman.stop();
    }

    /** The status a client gets from bootproxy's fallback when Foreman is reached with {@code tls}. */
    static HttpResponse<String> throughProxy(Optional<SSLContext> tls) throws Exception {
        SmartProxySettings settings = new SmartProxySettings(dir, "", URI.create("http://proxy.example.com:8000"),
                Optional.of(URI.create("https://localhost:" + foreman.httpsPort())), TrustedHosts.notSet(), "test",
                Optional.empty(), SmartProxySettings.Timeouts.DEFAULTS);
        try (SmartProxy proxy = new SmartProxy(settings, new ModuleStates(), tls)) {
            Javalin app = Javalin.create(cfg -> {
                cfg.startup.showJavalinBanner = false;
                cfg.routes.get("/unattended/{kind}", proxy.unattendedFallback().orElseThrow());
                cfg.routes.exception(Exception.class, (e, ctx) -> ctx.status(599).result(String.valueOf(e.getMessage())));
            }).start("127.0.0.1", 0);
            try {
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/unattended/provision")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } finally {
                app.stop();
            }
        }
    }

    @Test
    void theProxyCertificateOpensForemansDoor() throws Exception {
        SSLContext proxyTls = Tls.context("ssl_ca_file", pki.caPem.toString(), "ssl_certificate", pki.serverCertPem.toString(),
                "ssl_private_key", pki.serverKeyPem.toString());

        HttpResponse<String> r = throughProxy(Optional.of(proxyTls));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("# from Foreman\n");
    }

    @Test
    void withoutItForemanIsUnreachableNotSilentlyTrusted() throws Exception {
        HttpResponse<String> r = throughProxy(Optional.empty());

        assertThat(r.statusCode()).isEqualTo(599);
        assertThat(r.body()).startsWith("Foreman at https://localhost:" + foreman.httpsPort() + " did not answer");
    }
}
