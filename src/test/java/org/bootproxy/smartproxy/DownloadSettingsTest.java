package org.bootproxy.smartproxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.bootproxy.inventory.upstream.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * smart-proxy's TFTP module settings {@code tftp_connect_timeout} (default 10) and {@code verify_server_cert} (default
 * true) (theforeman/smart-proxy {@code modules/tftp/tftp_plugin.rb}), which its downloader turns into curl's
 * {@code --connect-timeout} and, when false, {@code --insecure} ({@code modules/tftp/server.rb},
 * {@code lib/proxy/http_download.rb}). A mirror whose certificate no CA of this JVM signed stands in for a
 * self-signed installation server.
 */
class DownloadSettingsTest {
    @TempDir
    static Path pkiDir;
    static TestPki pki;
    static WireMockServer mirror;

    @TempDir
    Path dir;
    ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        pki = new TestPki(pkiDir);
        mirror = new WireMockServer(pki.httpsServer());
        mirror.start();
        mirror.stubFor(get("/os/images/pxeboot/vmlinuz").willReturn(aResponse().withBody("kernel from a self-signed mirror")));
    }

    @AfterAll
    static void stopMirror() {
        mirror.stop();
    }

    @BeforeEach
    void pool() {
        pool = Executors.newFixedThreadPool(1);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    private Path fetch(SmartProxySettings.Downloads downloads) throws Exception {
        Path root = Files.createDirectories(dir.resolve("tftpboot"));
        var timeouts = new SmartProxySettings.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
                0, Duration.ofMillis(10));
        var fetcher = new BootFileFetcher(new TftpRootFiles(root), SmartProxy.downloadClient(downloads), downloads,
                timeouts, pool);
        // 127.0.0.1, not the name in the certificate: verify_server_cert false skips the name check too, as --insecure
        return fetcher.fetch("boot/alma", "https://127.0.0.1:" + mirror.httpsPort() + "/os/images/pxeboot/vmlinuz")
                .orElseThrow().get(30, TimeUnit.SECONDS);
    }

    @Test
    void withVerifyServerCertAnUnverifiableMirrorIsRefused() {
        assertThatThrownBy(() -> fetch(new SmartProxySettings.Downloads(Duration.ofSeconds(5), true)))
                .isInstanceOf(ExecutionException.class).hasMessageContaining("SSL");
    }

    @Test
    void withoutVerifyServerCertTheFileIsDownloadedAsCurlInsecureWould() throws Exception {
        assertThat(fetch(new SmartProxySettings.Downloads(Duration.ofSeconds(5), false)))
                .hasContent("kernel from a self-signed mirror");
    }

    @Test
    void tftpConnectTimeoutIsTheDownloadClientsConnectTimeout() {
        assertThat(SmartProxy.downloadClient(new SmartProxySettings.Downloads(Duration.ofSeconds(40), true)).connectTimeout())
                .isEqualTo(Optional.of(Duration.ofSeconds(40)));
        assertThat(SmartProxySettings.Downloads.DEFAULTS.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(SmartProxySettings.Downloads.DEFAULTS.verifyServerCert()).isTrue();
    }
}
