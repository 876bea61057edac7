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
 */
public record InventoryConfig(
        @JsonProperty("type") String type,
        @JsonProperty("foreman") ForemanConfig foreman,
        @JsonProperty("cmdb") CmdbConfig cmdb,
        @JsonProperty("cache") CacheConfig cache,
        @JsonProperty("files_override") Boolean filesOverride) {

    public static final InventoryConfig EMPTY = new InventoryConfig(null, null, null, null, null);

    public InventoryConfig {
        cache = cache == null ? CacheConfig.defaults() : cache;
        filesOverride = filesOverride != null && filesOverride;
    }

    public InventoryConfig withType(String newType) {
        return new InventoryConfig(newType, foreman, cmdb, cache, filesOverride);
    }
}
