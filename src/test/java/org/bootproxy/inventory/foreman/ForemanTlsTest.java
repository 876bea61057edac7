package org.bootproxy.inventory.foreman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Path;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.inventory.upstream.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Foreman over HTTPS with its own CA, as installed by foreman-installer; and with client certificates. */
class ForemanTlsTest {

    @TempDir
    static Path dir;

    static TestPki pki;
    static WireMockServer https;
    static WireMockServer mutual;

    static final MacAddress WEB01 = MacAddress.parse("52:54:00:aa:00:01");

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(dir);
        https = new WireMockServer(pki.httpsServer());
        mutual = new WireMockServer(pki.httpsServerRequiringClientsOf(pki));
        https.start();
        mutual.start();
        for (WireMockServer s : List.of(https, mutual)) {
            new ForemanStubs(s::stubFor).serve(List.of(ForemanInventoryTest.WEB01));
        }
    }

    @AfterAll
    static void stop() {
        https.stop();
        mutual.stop();
    }

    static ForemanSettings config(WireMockServer server, String caFile, String cert, String key) {
        return ForemanSettingsBuilder.foremanAt("https://localhost:" + server.httpsPort()).tls(caFile, cert, key).build();
    }

    @Test
    void foremansOwnCaMustBeConfiguredOrTheCertificateIsNotTrusted() {
        try (var inv = new ForemanInventory(config(https, "", "", ""))) {
            assertThatThrownBy(() -> inv.findByMac(WEB01))
                    .isInstanceOf(UpstreamUnavailable.class)
                    .hasMessageContaining("TLS: certificate not trusted — set inventory.foreman.ca_file");
        }
    }

    @Test
    void withTheCaFileTheHostIsRead() {
        try (var inv = new ForemanInventory(config(https, pki.caPem.toString(), "", ""))) {
            assertThat(inv.findByMac(WEB01)).map(Host::name).contains("web01.example.com");
        }
    }

    @Test
    void anotherCaDoesNotMakeItTrusted() {
        try (var inv = new ForemanInventory(config(https, pki.otherCaPem.toString(), "", ""))) {
            assertThatThrownBy(() -> inv.findByMac(WEB01)).hasMessageContaining("TLS: certificate not trusted");
        }
    }

    @Test
    void clientCertificateFromPemFilesIsPresented() {
        try (var inv = new ForemanInventory(config(mutual, pki.caPem.toString(), pki.clientCertPem.toString(),
                pki.clientKeyPem.toString()))) {
            assertThat(inv.findByMac(WEB01)).map(Host::name).contains("web01.example.com");
        }
    }

    @Test
    void withoutTheClientCertificateTheServerRefuses() {
        try (var inv = new ForemanInventory(config(mutual, pki.caPem.toString(), "", ""))) {
            assertThatThrownBy(() -> inv.findByMac(WEB01)).isInstanceOf(UpstreamUnavailable.class)
                    .hasMessageStartingWith("Foreman at https://localhost:" + mutual.httpsPort() + ": ");
        }
    }
}
