package org.bootproxy.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bootproxy.inventory.upstream.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code foreman_ssl_ca}, {@code foreman_ssl_cert} and {@code foreman_ssl_key}, each falling back to
 * {@code ssl_ca_file}, {@code ssl_certificate} and {@code ssl_private_key}, as smart-proxy's request to Foreman uses
 * them (theforeman/smart-proxy {@code lib/proxy/request.rb}, {@code ForemanRequest#http_init}:
 * {@code ca_file = foreman_ssl_ca || ssl_ca_file}, {@code certificate = foreman_ssl_cert || ssl_certificate},
 * {@code private_key = foreman_ssl_key || ssl_private_key}).
 *
 * <p>The site: the proxy's certificates come from the Puppet CA ({@code ssl_*}), which Foreman also uses to verify
 * client certificates; Foreman's web certificate is signed by another CA.
 */
class ForemanTlsSettingsTest {
    @TempDir
    static Path dir;
    static TestPki puppetCa;
    static TestPki webCa;
    static WireMockServer foreman;
    RunningBootproxy proxy;

    @BeforeAll
    static void start() throws Exception {
        puppetCa = new TestPki(Files.createDirectories(dir.resolve("puppet")));
        webCa = new TestPki(Files.createDirectories(dir.resolve("web")));
        foreman = new WireMockServer(webCa.httpsServerRequiringClientsOf(puppetCa));
        foreman.start();
        foreman.stubFor(get(urlPathEqualTo("/unattended/provision")).willReturn(aResponse().withBody("# from Foreman\n")));
    }

    @AfterAll
    static void stopForeman() {
        foreman.stop();
    }

    @AfterEach
    void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** A provision request for a MAC bootproxy does not know, so that it is forwarded to Foreman. */
    HttpResponse<String> forwarded(String... foremanSsl) throws Exception {
        Files.createDirectories(dir.resolve("tftpboot"));
        Files.createDirectories(dir.resolve("hosts"));
        proxy = new RunningBootproxy(dir, String.join("\n", "http_address: 127.0.0.1:0", "tftp_address: 127.0.0.1:0",
                "https_address: 127.0.0.1:0", "tftproot: tftpboot", "hosts: hosts", "state_dir: state",
                "templates: " + Path.of("templates").toAbsolutePath(), "template_url: http://proxy.example.com:8000",
                "foreman_url: https://localhost:" + foreman.httpsPort(),
                "ssl_certificate: puppet/server.pem", "ssl_private_key: puppet/server.key", "ssl_ca_file: puppet/ca.pem",
                String.join("\n", foremanSsl), ""));
        return ForemanClient.plain().get(proxy.http("/unattended/provision?mac=52:54:00:99:00:01"));
    }

    @Test
    void withTheProxysCaAloneForemansWebCertificateIsNotTrusted() throws Exception {
        HttpResponse<String> r = forwarded();
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).contains("Foreman at https://localhost:" + foreman.httpsPort() + " did not answer");
    }

    @Test
    void foremanSslCaTrustsForemanAndTheProxysOwnCertificateIsPresented() throws Exception {
        HttpResponse<String> r = forwarded("foreman_ssl_ca: web/ca.pem");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("# from Foreman\n");
    }

    @Test
    void foremanSslCertAndKeyArePresentedInsteadOfTheProxysCertificate() throws Exception {
        // signed by the web CA, which Foreman does not accept client certificates from: presenting it fails
        TestPki.ClientPem other = webCa.client("webclient", "proxy.example.com");
        HttpResponse<String> r = forwarded("foreman_ssl_ca: web/ca.pem", "foreman_ssl_cert: " + other.cert(),
                "foreman_ssl_key: " + other.key());
        assertThat(r.statusCode()).isEqualTo(503);
    }
}
