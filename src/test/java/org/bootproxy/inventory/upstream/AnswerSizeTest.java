package org.bootproxy.inventory.upstream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.inventory.foreman.ForemanInventory;
import org.bootproxy.inventory.foreman.ForemanSettingsBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Finding 8 of issue 9: upstream answers were read whole, so three concurrent 40 MB Foreman answers exhausted
 * the heap. Now a body is read as it streams and dropped at {@code inventory.max_answer_bytes}.
 */
class AnswerSizeTest {

    @RegisterExtension
    static WireMockExtension upstream = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();
    /** No gzip (which WireMock, like Apache in front of Foreman, answers chunked): bodies carry a Content-Length. */
    @RegisterExtension
    static WireMockExtension plain = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().gzipDisabled(true)
            .useChunkedTransferEncoding(Options.ChunkedEncodingPolicy.NEVER)).build();

    static final long BOUND = 1024 * 1024;
    final List<AutoCloseable> open = new ArrayList<>();

    UpstreamHttp http(long maxAnswerBytes) {
        return http(maxAnswerBytes, upstream.baseUrl());
    }

    UpstreamHttp http(long maxAnswerBytes, String baseUrl) {
        UpstreamHttp h = new UpstreamHttp(new UpstreamHttp.Endpoint("Foreman at " + baseUrl, "inventory.foreman",
                Duration.ofSeconds(5), Duration.ofSeconds(30), "", "", "", null, "", "", "", "credentials", "permissions",
                maxAnswerBytes));
        open.add(h);
        return h;
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    static byte[] json(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) ' ');
        b[0] = '{';
        b[size - 1] = '}';
        return b;
    }

    @Test
    void answerWithinTheBoundIsReadWhole() {
        upstream.stubFor(get(urlPathEqualTo("/api/v2/hosts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(json((int) BOUND))));
        UpstreamHttp.Response r = http(BOUND).get(upstream.baseUrl() + "/api/v2/hosts", HttpTrace.NONE);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).hasSize((int) BOUND);
    }

    @Test
    void answerAnnouncedLargerIsRefusedWithoutReadingIt() {
        plain.stubFor(get(urlPathEqualTo("/api/v2/hosts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json((int) (2 * BOUND)))));
        UpstreamHttp h = http(BOUND, plain.baseUrl());
        assertThatThrownBy(() -> h.get(plain.baseUrl() + "/api/v2/hosts?search=x", HttpTrace.NONE))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessage("Foreman at " + plain.baseUrl() + ": the answer to GET /api/v2/hosts?search=x is larger than"
                        + " 1048576 bytes (2097152 announced); stopped reading it (inventory.max_answer_bytes)");
    }

    @Test
    void compressedAnswerIsBoundedByItsUnpackedSize() {
        // 40 MB of spaces gzip to a few KB: the bound counts what is unpacked, not what crossed the wire
        upstream.stubFor(get(urlPathEqualTo("/api/v2/hosts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(40 * 1024 * 1024))));
        assertThatThrownBy(() -> http(BOUND).get(upstream.baseUrl() + "/api/v2/hosts", HttpTrace.NONE))
                .isInstanceOf(UpstreamUnavailable.class).hasMessageContaining("is larger than 1048576 bytes");
    }

    @Test
    void answerStreamedWithoutALengthIsDroppedAtTheBound() {
        // 40 MB in 200 chunks over 20 s: reading it whole would take the whole 20 s
        upstream.stubFor(get(urlPathEqualTo("/api/v2/hosts")).willReturn(aResponse().withStatus(200)
                .withBody(json(40 * 1024 * 1024)).withChunkedDribbleDelay(200, 20_000)));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> http(BOUND).get(upstream.baseUrl() + "/api/v2/hosts", HttpTrace.NONE))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageEndingWith("is larger than 1048576 bytes; stopped reading it (inventory.max_answer_bytes)");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("stopped at the bound, not at the end")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void threeConcurrentFortyMegabyteForemanAnswersAreUpstreamErrors() throws Exception {
        plain.stubFor(get(urlPathEqualTo("/api/v2/hosts")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(json(40 * 1024 * 1024))));
        ForemanInventory foreman = new ForemanInventory(ForemanSettingsBuilder.foremanAt(plain.baseUrl()).build(),
                Clock.systemUTC(), BOUND);
        open.add(foreman);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> foreman.findByMac(MacAddress.parse("52:54:00:aa:00:01"))));
        }
        for (CompletableFuture<?> c : calls) {
            assertThatThrownBy(c::get).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(UpstreamUnavailable.class)
                    .hasMessageContaining("is larger than 1048576 bytes");
        }
    }
}
