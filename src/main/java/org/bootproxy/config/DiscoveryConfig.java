package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.Map;

/**
 * {@code discovery:} the machines bootproxy records as they network-boot (docs/discovery.md).
 *
 * @param maxMachines       past this many records the least recently seen is forgotten (default 10000)
 * @param announceToForeman with {@code inventory.type: foreman}, push each new unknown machine to Foreman Discovery
 *                          ({@code POST /api/v2/discovered_hosts/facts}); default true
 * @param webhookUrl        POST each new unknown machine's record (JSON, as {@code GET /api/machines} shows it) here;
 *                          "" = none. Meant for a CMDB's intake; works with any inventory
 * @param webhookHeaders    headers sent with the webhook (values may use {@code ${ENV_VAR}}), e.g.
 *                          {@code Authorization: Token ${CMDB_TOKEN}}
 * @param retryFirst        the wait before trying an upstream that could not be reached again; doubles each time
 *                          (default 5s)
 * @param retryMax          the longest wait between tries (default 5m)
 */
public record DiscoveryConfig(
        @JsonProperty("max_machines") Integer maxMachines,
        @JsonProperty("announce_to_foreman") Boolean announceToForeman,
        @JsonProperty("webhook_url") String webhookUrl,
        @JsonProperty("webhook_headers") Map<String, String> webhookHeaders,
        @JsonProperty("retry_first") @JsonDeserialize(using = DurationText.Json.class) Duration retryFirst,
        @JsonProperty("retry_max") @JsonDeserialize(using = DurationText.Json.class) Duration retryMax) {

    static final String KEY = "discovery";
    public static final DiscoveryConfig EMPTY = new DiscoveryConfig(null, null, null, null, null, null);

    public DiscoveryConfig {
        int max = maxMachines == null ? 10_000 : maxMachines;
        if (max < 1 || max > 1_000_000) {
            throw new IllegalArgumentException(KEY + ".max_machines: " + max + " is out of range; allowed 1..1000000 (default 10000)");
        }
        maxMachines = max;
        announceToForeman = announceToForeman == null || announceToForeman;
        webhookUrl = ConfigChecks.httpUrl(KEY + ".webhook_url", ConfigChecks.text(KEY + ".webhook_url", webhookUrl));
        webhookHeaders = EnvText.expandValues(KEY + ".webhook_headers", webhookHeaders);
        retryFirst = ConfigChecks.duration(KEY + ".retry_first", retryFirst, Duration.ofSeconds(5), Duration.ofMillis(10),
                Duration.ofHours(1));
        retryMax = ConfigChecks.duration(KEY + ".retry_max", retryMax, Duration.ofMinutes(5), Duration.ofMillis(10),
                Duration.ofDays(1));
        if (retryMax.compareTo(retryFirst) < 0) {
            throw new IllegalArgumentException(KEY + ".retry_max (" + org.bootproxy.support.Durations.format(retryMax)
                    + ") must not be shorter than " + KEY + ".retry_first (" + org.bootproxy.support.Durations.format(retryFirst) + ")");
        }
    }

    /** Never prints header values (they hold tokens). */
    @Override
    public String toString() {
        return "DiscoveryConfig[max_machines=" + maxMachines + ", announce_to_foreman=" + announceToForeman + ", webhook_url="
                + webhookUrl + ", webhook_headers=" + webhookHeaders.keySet() + ", retry_first=" + org.bootproxy.support.Durations.format(retryFirst)
                + ", retry_max=" + org.bootproxy.support.Durations.format(retryMax) + "]";
    }
}
