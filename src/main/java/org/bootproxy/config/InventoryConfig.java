package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code inventory:} section: which backend holds the hosts.
 *
 * @param type files (default: YAML host files, see {@code hosts}), foreman or cmdb
 */
public record InventoryConfig(@JsonProperty("type") String type) {
    public static final InventoryConfig EMPTY = new InventoryConfig(null);
}
