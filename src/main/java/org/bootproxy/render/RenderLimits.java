package org.bootproxy.render;

import java.time.Duration;
import java.util.Objects;

/**
 * How far one render may go before it is stopped and answered like any template error.
 *
 * @param timeLimit      a render still running after this long is stopped ({@code render.time_limit});
 *                       every template bootproxy ships renders in milliseconds
 * @param maxOutputBytes output larger than this (UTF-8 bytes) stops the render ({@code render.max_output_bytes});
 *                       a kickstart with its scripts is tens of KiB
 */
public record RenderLimits(Duration timeLimit, long maxOutputBytes) {

    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);
    public static final long DEFAULT_MAX_OUTPUT_BYTES = 1024 * 1024;

    public RenderLimits {
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.toMillis() < 10 || timeLimit.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("render time limit must be 10ms..10m, not " + timeLimit);
        }
        if (maxOutputBytes < 1024 || maxOutputBytes > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("render output limit must be 1024..1073741824 bytes, not " + maxOutputBytes);
        }
    }

    /** "2s", "1500ms": as the setting is written. */
    String timeLimitText() {
        long ms = timeLimit.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    public static RenderLimits defaults() {
        return new RenderLimits(DEFAULT_TIME_LIMIT, DEFAULT_MAX_OUTPUT_BYTES);
    }
}
