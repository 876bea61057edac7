package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * {@code render:} how far one template render may go before it is stopped and answered like a template
 * error (iPXE gets the retry script, installers a 500 naming the template, TFTP an error packet).
 *
 * @param timeLimit      a render still running after this long is stopped (default 2s)
 * @param maxOutputBytes a render writing more than this many bytes is stopped (default 1048576 = 1 MiB)
 * @param answerCacheBytes how much memory rendered answers kept for reuse may take (default 16777216 = 16 MiB;
 *                       0 keeps none)
 */
public record RenderConfig(
        @JsonProperty("time_limit") @JsonDeserialize(using = DurationText.Json.class) Duration timeLimit,
        @JsonProperty("max_output_bytes") Long maxOutputBytes,
        @JsonProperty("answer_cache_bytes") Long answerCacheBytes) {

    static final String KEY = "render";
    public static final RenderConfig EMPTY = new RenderConfig(null, null, null);
    static final long DEFAULT_ANSWER_CACHE_BYTES = 16L * 1024 * 1024;

    public RenderConfig {
        timeLimit = ConfigChecks.duration(KEY + ".time_limit", timeLimit, Duration.ofSeconds(2), Duration.ofMillis(10),
                Duration.ofMinutes(10));
        long max = maxOutputBytes == null ? 1024 * 1024 : maxOutputBytes;
        if (max < 1024 || max > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException(KEY + ".max_output_bytes: " + max
                    + " is out of range; allowed 1024..1073741824 (default 1048576)");
        }
        maxOutputBytes = max;
        long cache = answerCacheBytes == null ? DEFAULT_ANSWER_CACHE_BYTES : answerCacheBytes;
        if (cache < 0 || cache > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException(KEY + ".answer_cache_bytes: " + cache
                    + " is out of range; allowed 0..1073741824 (default " + DEFAULT_ANSWER_CACHE_BYTES + "; 0 keeps no answers)");
        }
        answerCacheBytes = cache;
    }
}
