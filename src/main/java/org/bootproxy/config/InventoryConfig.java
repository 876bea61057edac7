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
 */
public record InventoryConfig(
        @JsonProperty("type") String type,
        @JsonProperty("foreman") ForemanConfig foreman,
        @JsonProperty("cmdb") CmdbConfig cmdb,
        @JsonProperty("cache") CacheConfig cache,
        @JsonProperty("files_override") Boolean filesOverride,
        @JsonProperty("host_file_max_bytes") Long hostFileMaxBytes) {

    public static final InventoryConfig EMPTY = new InventoryConfig(null, null, null, null, null, null);

    public InventoryConfig {
        cache = cache == null ? CacheConfig.defaults() : cache;
        filesOverride = filesOverride != null && filesOverride;
        long max = hostFileMaxBytes == null ? 1024 * 1024 : hostFileMaxBytes;
        if (max < 1024 || max > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("inventory.host_file_max_bytes: " + max
                    + " is out of range; allowed 1024..67108864 (default 1048576)");
        }
        hostFileMaxBytes = max;
    }

    public InventoryConfig withType(String newType) {
        return new InventoryConfig(newType, foreman, cmdb, cache, filesOverride, hostFileMaxBytes);
    }
}
