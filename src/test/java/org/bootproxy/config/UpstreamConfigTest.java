package org.bootproxy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.time.Duration;
import java.util.Map;
import org.bootproxy.support.Durations;
import org.junit.jupiter.api.Test;

/** The upstream config records bound from YAML the way the config loader binds them. */
class UpstreamConfigTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).findAndRegisterModules();

    static <T> T read(String yaml, Class<T> type) throws Exception {
        return YAML.readValue(yaml, type);
    }

    @Test
    void foremanSectionBindsSnakeCaseKeysAndDurations() throws Exception {
        ForemanConfig c = read("""
                url: https://foreman.example.com/
                username: bootproxy
                password: s3cret
                ca_file: /etc/foreman/proxy_ca.pem
                connect_timeout: 2s
                read_timeout: PT15S
                reference_ttl: 1m30s
                """, ForemanConfig.class);
        assertThat(c.url()).isEqualTo("https://foreman.example.com");
        assertThat(c.caFile()).isEqualTo("/etc/foreman/proxy_ca.pem");
        assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(c.referenceTtl()).isEqualTo(Duration.ofSeconds(90));
        assertThat(c.toString()).contains("password=****").doesNotContain("s3cret");
    }

    @Test
    void defaultsNeedNothing() {
        ForemanConfig f = ForemanConfig.defaults();
        assertThat(f.configured()).isFalse();
        assertThat(f.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        CacheConfig c = CacheConfig.defaults();
        assertThat(c.ttl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.missTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.staleMaxAge()).isEqualTo(Duration.ofHours(24));
        assertThat(c.maxConcurrent()).isEqualTo(32);
        assertThat(CmdbConfig.defaults().configured()).isFalse();
    }

    @Test
    void foremanUrlMustBeHttp() {
        assertThatThrownBy(() -> new ForemanConfig("foreman.example.com", "a", "b", null, null, null, null, null, null, null))
                .hasMessageContaining("inventory.foreman.url: 'foreman.example.com' is not allowed; write an absolute http:// or https:// URL");
    }

    @Test
    void passwordAndTokenTogetherAreRefused() {
        assertThatThrownBy(() -> new ForemanConfig("https://f", "u", "p", "t", null, null, null, null, null, null))
                .hasMessageContaining("set either password or token");
    }

    @Test
    void clientCertificateWithoutKeyIsRefused() {
        assertThatThrownBy(() -> new ForemanConfig("https://f", null, null, null, null, "/c.pem", null, null, null, null))
                .hasMessageContaining("inventory.foreman.client_cert and inventory.foreman.client_key go together");
    }

    @Test
    void badDurationNamesTheKeyAndTheSpellings() {
        assertThatThrownBy(() -> read("ttl: 5x\n", CacheConfig.class))
                .hasMessageContaining("ttl: '5x' is not a duration (use a number with a unit: 500ms, 30s, 5m, 2h, 1d");
        assertThatThrownBy(() -> read("ttl: 30\n", CacheConfig.class))
                .hasMessageContaining("ttl: '30' has no unit; write 30s for seconds");
    }

    @Test
    void missTtlLongerThanTtlIsRefused() {
        assertThatThrownBy(() -> new CacheConfig(Duration.ofSeconds(10), Duration.ofMinutes(1), null, null, null, null))
                .hasMessageStartingWith("inventory.cache.miss_ttl (1m) must not be longer than inventory.cache.ttl (10s)");
    }

    @Test
    void shortTtlPullsTheDefaultMissTtlDown() {
        assertThat(new CacheConfig(Duration.ofSeconds(5), null, null, null, null, null).missTtl()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void maxConcurrentOutOfRangeIsRefused() {
        assertThatThrownBy(() -> new CacheConfig(null, null, null, 0, null, null))
                .hasMessage("inventory.cache.max_concurrent: 0 is out of range; allowed 1..1024 (default 32)");
    }

    @Test
    void durationsReadBackWhatTheyPrint() {
        for (String s : new String[] {"250ms", "30s", "5m", "1h30m", "1d", "2d3h4m5s6ms"}) {
            assertThat(Durations.format(DurationText.parse("k", s))).isEqualTo(s);
        }
    }

    @Test
    void environmentVariablesAreExpandedWithFallbacksAndEscapes() {
        Map<String, String> env = Map.of("FOREMAN_PASSWORD", "pa$$word");
        assertThat(EnvText.expand("k", "${FOREMAN_PASSWORD}", env::get)).isEqualTo("pa$$word");
        assertThat(EnvText.expand("k", "x-${MISSING:-dflt}-y", env::get)).isEqualTo("x-dflt-y");
        assertThat(EnvText.expand("k", "literal $${NOT_A_VAR}", env::get)).isEqualTo("literal ${NOT_A_VAR}");
        assertThatThrownBy(() -> EnvText.expand("inventory.foreman.password", "${NOPE}", env::get))
                .hasMessageStartingWith("inventory.foreman.password: environment variable NOPE is not set");
    }

    @Test
    void cmdbMappingTakesPointersConstantsAndObjects() throws Exception {
        CmdbConfig c = read("""
                url: "https://cmdb.example.com/hosts?mac={mac}"
                headers: {X-Api-Key: "${HOME}"}
                mapping:
                  name: /lookup/name
                  os.family: Debian
                  ip: {pointer: /lookup/ip, match: "^([^/]+)", default: ""}
                  medium: {value: /srv/mirror}
                """, CmdbConfig.class);
        assertThat(c.mapping().get("name").pointer()).isEqualTo("/lookup/name");
        assertThat(c.mapping().get("os.family").value()).isEqualTo("Debian");
        assertThat(c.mapping().get("ip").match()).isEqualTo("^([^/]+)");
        assertThat(c.mapping().get("ip").fallback()).isEmpty();
        assertThat(c.mapping().get("medium").value()).isEqualTo("/srv/mirror");
        assertThat(c.headers().get("X-Api-Key")).isEqualTo(System.getenv("HOME"));
    }

    @Test
    void cmdbAuthTypeIsChecked() {
        assertThatThrownBy(() -> new CmdbConfig.Auth("digest", "u", "p", null))
                .hasMessageContaining("inventory.cmdb.auth.type: 'digest' is not allowed; use basic, bearer or none");
    }
}
