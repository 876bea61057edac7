package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code ipxe:} section, with the defaults filled in and each number checked against its range.
 *
 * @param intermediateNics NICs the intermediate script tries (net0…netN-1), 1..32, default 8
 * @param unknownMachine   answer for machines none of whose NICs is known: message, menu or localboot
 * @param retrySeconds     seconds iPXE waits before asking again when bootproxy cannot answer yet
 */
public record IpxeConfig(
        @JsonProperty("intermediate_nics") Integer intermediateNics,
        @JsonProperty("unknown_machine") String unknownMachine,
        @JsonProperty("retry_seconds") Integer retrySeconds) {

    public static final IpxeConfig EMPTY = new IpxeConfig(null, null, null);

    public IpxeConfig {
        intermediateNics = ConfigChecks.range("ipxe.intermediate_nics", intermediateNics, 8, 1, 32);
        retrySeconds = ConfigChecks.range("ipxe.retry_seconds", retrySeconds, 10, 1, 3600);
    }
}
