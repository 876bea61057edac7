package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code timeline:} the per-MAC boot timelines kept in memory ({@code GET /events/<mac>}, {@code bootproxy trace}).
 *
 * @param perMac   events kept per MAC, the oldest dropped first (default 200)
 * @param maxBytes all timelines together stay under this many bytes (an estimate of their memory); the MAC seen least
 *                 recently is dropped first (default 16777216 = 16 MiB)
 */
public record TimelineConfig(@JsonProperty("per_mac") Integer perMac, @JsonProperty("max_bytes") Long maxBytes) {
    static final String KEY = "timeline";
    public static final TimelineConfig EMPTY = new TimelineConfig(null, null);

    public TimelineConfig {
        int p = perMac == null ? 200 : perMac;
        if (p < 1 || p > 100_000) {
            throw new IllegalArgumentException(KEY + ".per_mac: " + p + " is out of range; allowed 1..100000 (default 200)");
        }
        perMac = p;
        long b = maxBytes == null ? 16L * 1024 * 1024 : maxBytes;
        if (b < 64 * 1024 || b > 4L * 1024 * 1024 * 1024) {
            throw new IllegalArgumentException(KEY + ".max_bytes: " + b
                    + " is out of range; allowed 65536..4294967296 (default 16777216)");
        }
        maxBytes = b;
    }
}
