package org.bootproxy.inventory.foreman;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.fakes.MutableClock;
import org.bootproxy.inventory.CacheSettings;
import org.bootproxy.inventory.CachingInventory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Finding 9 of issue 9 as it was found: Foreman hangs (answers nothing within its 10 s read timeout) and a
 * known host's cache entry has expired. The request gets the last good answer within the stale grace.
 */
class HangingForemanTest {

    @RegisterExtension
    static WireMockExtension foreman = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    final MutableClock clock = new MutableClock();
    ForemanInventory upstream;

    @AfterEach
    void close() {
        if (upstream != null) {
            upstream.close(); // ends the refresh still waiting on the hanging stub
        }
    }

    @Test
    void knownHostIsServedStaleWithinTheGraceNotAfterTheReadTimeout() {
        new ForemanStubs(foreman::stubFor).serve(List.of(ForemanInventoryTest.WEB01));
        upstream = new ForemanInventory(ForemanSettingsBuilder.foremanAt(foreman.baseUrl()).build()); // read_timeout 10s
        CachingInventory cache = new CachingInventory(upstream, new CacheSettings(Duration.ofSeconds(30), Duration.ofSeconds(10),
                Duration.ofHours(24), 32, Duration.ofSeconds(10), Duration.ofMillis(500)), clock);
        MacAddress mac = MacAddress.parse("52:54:00:aa:00:01");
        assertThat(cache.findByMac(mac)).map(Host::name).contains("web01.example.com");

        foreman.resetAll();
        foreman.stubFor(get(anyUrl()).willReturn(okJson("{}").withFixedDelay(60_000))); // Foreman hangs
        clock.advance(Duration.ofMinutes(1));

        long t0 = System.nanoTime();
        assertThat(cache.findByMac(mac)).map(Host::name).contains("web01.example.com");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(1));
        assertThat(cache.stats().stale()).isEqualTo(1);
    }
}
