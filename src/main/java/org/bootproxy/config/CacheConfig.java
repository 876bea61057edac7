package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import org.bootproxy.support.Durations;

/**
 * {@code inventory.cache:} how answers from Foreman or a CMDB are kept, so a segment keeps booting when
 * upstream is slow or down and a rack powering on does not hammer it.
 *
 * @param ttl           how long a found host is served without asking upstream again (default 30s)
 * @param missTtl       how long "unknown MAC" is remembered; at most {@code ttl} (default 10s)
 * @param staleMaxAge   how old a last good answer may be and still be served when upstream fails (default 24h)
 * @param maxConcurrent upstream calls in flight at once; further lookups queue (default 32)
 * @param queueTimeout  how long a lookup waits in that queue before it counts as an upstream failure (default 10s)
 * @param staleGrace    when a known host's entry has expired, how long a lookup waits for upstream's new answer
 *                      before it is served the last good one while the refresh goes on in the background
 *                      (default 1s; 0s: serve the last good answer at once)
 */
public record CacheConfig(
        @JsonProperty("ttl") @JsonDeserialize(using = DurationText.Json.class) Duration ttl,
        @JsonProperty("miss_ttl") @JsonDeserialize(using = DurationText.Json.class) Duration missTtl,
        @JsonProperty("stale_max_age") @JsonDeserialize(using = DurationText.Json.class) Duration staleMaxAge,
        @JsonProperty("max_concurrent") Integer maxConcurrent,
        @JsonProperty("queue_timeout") @JsonDeserialize(using = DurationText.Json.class) Duration queueTimeout,
        @JsonProperty("stale_grace") @JsonDeserialize(using = DurationText.Json.class) Duration staleGrace) {

    static final String KEY = "inventory.cache";

    public CacheConfig {
        var check = new ConfigChecks.Each();
        ttl = check.duration(KEY + ".ttl", ttl, Duration.ofSeconds(30), Duration.ZERO, Duration.ofDays(1));
        missTtl = check.duration(KEY + ".miss_ttl", missTtl, ttl.compareTo(Duration.ofSeconds(10)) < 0 ? ttl
                : Duration.ofSeconds(10), Duration.ZERO, Duration.ofDays(1));
        if (missTtl.compareTo(ttl) > 0) {
            check.problem(KEY + ".miss_ttl (" + Durations.format(missTtl) + ") must not be longer than "
                    + KEY + ".ttl (" + Durations.format(ttl) + "): a new host must not stay unknown longer than a change stays unseen");
        }
        staleMaxAge = check.duration(KEY + ".stale_max_age", staleMaxAge, Duration.ofHours(24), Duration.ZERO, Duration.ofDays(30));
        maxConcurrent = check.range(KEY + ".max_concurrent", maxConcurrent, 32, 1, 1024);
        queueTimeout = check.duration(KEY + ".queue_timeout", queueTimeout, Duration.ofSeconds(10),
                Duration.ofMillis(1), Duration.ofMinutes(10));
        staleGrace = check.duration(KEY + ".stale_grace", staleGrace, Duration.ofSeconds(1), Duration.ZERO,
                Duration.ofMinutes(10));
        check.done();
    }

    public static CacheConfig defaults() {
        return new CacheConfig(null, null, null, null, null, null);
    }
}
