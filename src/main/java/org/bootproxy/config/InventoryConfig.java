package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code inventory:} section: which backend holds the hosts.
 *
 * @param type           files (default: YAML host files, see {@code hosts}), foreman or cmdb
 * @param foreman        settings for type foreman (docs/upstream.md)
 * @param cmdb           settings for type cmdb (docs/upstream.md)
 * @param cache          the cache in front of foreman or cmdb
 * @param filesOverride  with foreman or cmdb: look in the host files first, so a file can override or add a host
 * @param hostFileMaxBytes a host file larger than this is refused unread (default 1048576 = 1 MiB)
 * @param maxAnswerBytes   an answer from foreman or cmdb larger than this is not read past it: the lookup fails
 *                         as an upstream error (default 4194304 = 4 MiB)
 * @param tokenDuration    Foreman's token_duration for the host files: minutes a host file's token stays valid after
 *                         its host entered build; 0 = never expires (the default)
 */
public record InventoryConfig(
        @JsonProperty("type") String type,
        @JsonProperty("foreman") ForemanConfig foreman,
        @JsonProperty("cmdb") CmdbConfig cmdb,
        @JsonProperty("cache") CacheConfig cache,
        @JsonProperty("files_override") Boolean filesOverride,
        @JsonProperty("host_file_max_bytes") Long hostFileMaxBytes,
        @JsonProperty("max_answer_bytes") Long maxAnswerBytes,
        @JsonProperty("token_duration") Integer tokenDuration) {

    public static final InventoryConfig EMPTY = new InventoryConfig(null, null, null, null, null, null, null, null);

    public InventoryConfig {
        cache = cache == null ? CacheConfig.defaults() : cache;
        filesOverride = filesOverride != null && filesOverride;
        long max = hostFileMaxBytes == null ? 1024 * 1024 : hostFileMaxBytes;
        if (max < 1024 || max > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("inventory.host_file_max_bytes: " + max
                    + " is out of range; allowed 1024..67108864 (default 1048576)");
        }
        hostFileMaxBytes = max;
        long answer = maxAnswerBytes == null ? 4 * 1024 * 1024 : maxAnswerBytes;
        if (answer < 1024 || answer > 1024L * 1024 * 1024) {
            throw new IllegalArgumentException("inventory.max_answer_bytes: " + answer
                    + " is out of range; allowed 1024..1073741824 (default 4194304)");
        }
        maxAnswerBytes = answer;
        tokenDuration = ConfigChecks.range("inventory.token_duration", tokenDuration, 0, 0, 525_600);
    }

    public InventoryConfig withType(String newType) {
        return new InventoryConfig(newType, foreman, cmdb, cache, filesOverride, hostFileMaxBytes, maxAnswerBytes,
                tokenDuration);
    }
}
