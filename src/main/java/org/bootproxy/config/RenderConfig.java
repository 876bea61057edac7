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
 */
public record RenderConfig(
        @JsonProperty("time_limit") @JsonDeserialize(using = DurationText.Json.class) Duration timeLimit,
        @JsonProperty("max_output_bytes") Long maxOutputBytes) {

    static final String KEY = "render";
    public static final RenderConfig EMPTY = new RenderConfig(null, null);

    public RenderConfig {
        timeLimit = ConfigChecks.duration(KEY + ".time_limit", timeLimit, Duration.ofSeconds(2), Duration.ofMillis(10),
                Duration.ofMinutes(10));
        long max = maxOutputBytes == null ? 1024 * 1024 : maxOutputBytes;
        if (max < 1024 || max > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException(KEY + ".max_output_bytes: " + max
                    + " is out of range; allowed 1024..1073741824 (default 1048576)");
        }
        maxOutputBytes = max;
    }
}
