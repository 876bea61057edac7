package org.bootproxy.smartproxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class BootFileFetcherTest {
    @RegisterExtension
    static WireMockExtension media = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @TempDir
    Path dir;
    Path root;
    ExecutorService pool;
    BootFileFetcher fetcher;

    @BeforeEach
    void fetcher() throws Exception {
        root = Files.createDirectories(dir.resolve("tftpboot"));
        pool = Executors.newFixedThreadPool(2);
        var timeouts = new SmartProxySettings.Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30),
                2, Duration.ofMillis(10));
        fetcher = new BootFileFetcher(new TftpRootFiles(root), HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL).build(), timeouts, pool);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    String url(String path) {
        return media.baseUrl() + path;
    }

    Path fetched(String prefix, String path) throws Exception {
        return fetcher.fetch(prefix, url(path)).orElseThrow().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aDownloadThatCannotStartIsAnIoFailureForTheCaller() {
        var stopped = new BootFileFetcher(new TftpRootFiles(root), HttpClient.newHttpClient(),
                SmartProxySettings.Timeouts.DEFAULTS, r -> {
                    throw new java.util.concurrent.RejectedExecutionException("shut down");
                });
        assertThatThrownBy(() -> stopped.fetch("boot/alma", url("/os/vmlinuz")))
                .isInstanceOf(java.io.IOException.class).hasMessage("cannot start the download: shut down");
    }

    @Test
    void theFileIsNamedAfterThePrefixAndTheUrlsLastSegment() {
        URI u = URI.create("http://mirror/os/images/pxeboot/vmlinuz");
        assertThat(BootFileFetcher.targetName("boot/alma-9-abc", u)).isEqualTo("boot/alma-9-abc-vmlinuz");
        assertThat(BootFileFetcher.targetName("boot/alma-9-abc/", u)).isEqualTo("boot/alma-9-abc/vmlinuz");
        assertThatThrownBy(() -> BootFileFetcher.targetName("boot/x", URI.create("http://mirror/os/")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDownloadLandsInTheRootWithTheServersModificationTime() throws Exception {
        media.stubFor(get("/os/vmlinuz").willReturn(aResponse().withBody("kernel bytes")
                .withHeader("Last-Modified", "Tue, 15 Oct 2024 07:28:00 GMT")));

        Path file = fetched("boot/alma", "/os/vmlinuz");

        assertThat(file).isEqualTo(root.resolve("boot/alma-vmlinuz")).hasContent("kernel bytes");
        assertThat(Files.getLastModifiedTime(file).toInstant()).isEqualTo(Instant.parse("2024-10-15T07:28:00Z"));
        try (var left = Files.list(root.resolve("boot"))) {
            assertThat(left).as("no part files left").hasSize(1);
        }
    }

    @Test
    void aFileAsNewAsTheServersIsNotDownloadedAgain() throws Exception {
        Path existing = Files.createDirectories(root.resolve("boot")).resolve("alma-initrd.img");
        Files.writeString(existing, "already here");
        Files.setLastModifiedTime(existing, FileTime.from(Instant.parse("2024-10-15T07:28:00Z")));
        media.stubFor(get("/os/initrd.img").withHeader("If-Modified-Since", equalTo("Tue, 15 Oct 2024 07:28:00 GMT"))
                .willReturn(aResponse().withStatus(304)));

        assertThat(fetched("boot/alma", "/os/initrd.img")).hasContent("already here");
    }

    @Test
    void serverErrorsAreRetriedThenTheFileComes() throws Exception {
        media.stubFor(get("/os/flaky").inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        media.stubFor(get("/os/flaky").inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("third"));
        media.stubFor(get("/os/flaky").inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(aResponse().withBody("third time lucky")));

        assertThat(fetched("boot/x", "/os/flaky")).hasContent("third time lucky");
        media.verify(3, getRequestedFor(urlEqualTo("/os/flaky")));
    }

    @Test
    void aMissingFileIsNotRetriedAndNothingIsWritten() {
        media.stubFor(get("/os/missing").willReturn(aResponse().withStatus(404).withBody("no such file")));

        assertThatThrownBy(() -> fetched("boot/x", "/os/missing")).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("404");
        media.verify(1, getRequestedFor(urlEqualTo("/os/missing")));
        assertThat(root.resolve("boot/x-missing")).doesNotExist();
    }

    @Test
    void aSecondRequestForTheSameFileJoinsTheRunningDownload() throws Exception {
        media.stubFor(get("/os/big").willReturn(aResponse().withBody("big").withFixedDelay(1500)));

        CompletableFuture<Path> first = fetcher.fetch("boot/x", url("/os/big")).orElseThrow();
        CompletableFuture<Path> second = fetcher.fetch("boot/x", url("/os/big")).orElseThrow();

        assertThat(second).isSameAs(first);
        assertThat(first.get(30, TimeUnit.SECONDS)).hasContent("big");
        media.verify(1, getRequestedFor(urlEqualTo("/os/big")));
    }

    @Test
    void aPrefixLeavingTheRootIsRefusedBeforeAnythingIsFetched() {
        assertThatThrownBy(() -> fetcher.fetch("../../etc/cron.d/x", url("/os/vmlinuz")))
                .isInstanceOf(org.bootproxy.support.ConfinedRoot.OutsideRoot.class);
        assertThatThrownBy(() -> fetcher.fetch("/etc/x", url("/os/vmlinuz"))).isInstanceOf(org.bootproxy.support.ConfinedRoot.OutsideRoot.class);
        media.verify(0, getRequestedFor(urlEqualTo("/os/vmlinuz")));
    }

    /**
     * theforeman/smart-proxy {@code modules/tftp/server.rb} ({@code choose_protocol_and_fetch}): http, https and ftp are
     * downloaded, nfs is skipped, any other scheme raises "Cannot fetch boot file, unknown protocol for medium source
     * path: …".
     */
    @Test
    void httpHttpsAndFtpAreDownloadedNfsIsSkippedAndOtherSchemesRefusedAsSmartProxyDoes() throws Exception {
        assertThatThrownBy(() -> fetcher.fetch("boot/x", "gopher://mirror/os/vmlinuz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot fetch boot file, unknown protocol for medium source path: gopher://mirror/os/vmlinuz");
        assertThatThrownBy(() -> fetcher.fetch("boot/x", "")).hasMessageContaining("required");
        assertThat(fetcher.fetch("boot/x", "nfs://filer/export/os/vmlinuz")).isEqualTo(Optional.empty());
    }
}
