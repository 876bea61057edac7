package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;

/**
 * {@code ipxe:} section, with the defaults filled in and each number checked against its range.
 *
 * @param intermediateNics NICs the intermediate script tries (net0…netN-1), 1..32, default 8
 * @param unknownMachine   answer for machines none of whose NICs is known: message, menu or localboot
 * @param retrySeconds     seconds iPXE waits before asking again when bootproxy cannot answer yet
 * @param menu             the OS menu (ipxe/menu): timeout, default entry, netboot.xyz
 */
public record IpxeConfig(
        @JsonProperty("intermediate_nics") Integer intermediateNics,
        @JsonProperty("unknown_machine") String unknownMachine,
        @JsonProperty("retry_seconds") Integer retrySeconds,
        @JsonProperty("menu") Menu menu) {

    public static final IpxeConfig EMPTY = new IpxeConfig(null, null, null, null);

    public IpxeConfig {
        var check = new ConfigChecks.Each();
        intermediateNics = check.range("ipxe.intermediate_nics", intermediateNics, 8, 1, 32);
        retrySeconds = check.range("ipxe.retry_seconds", retrySeconds, 10, 1, 3600);
        menu = menu == null ? Menu.EMPTY : menu;
        check.done();
    }

    /**
     * {@code ipxe.menu:} the OS menu an unknown machine can get (a profile's {@code menu_timeout} and
     * {@code menu_default} params override the first two).
     *
     * @param timeout    after this long without a key the default entry is taken (0s: wait for a key); default 60s
     * @param defaultEntry {@code local} (default), {@code netbootxyz}, or a group with a {@code menu:} title
     * @param netbootxyz where the netboot.xyz entry chains to, e.g. https://boot.netboot.xyz; not set: no entry
     */
    public record Menu(
            @JsonProperty("timeout") @JsonDeserialize(using = DurationText.Json.class) Duration timeout,
            @JsonProperty("default") String defaultEntry,
            @JsonProperty("netbootxyz") String netbootxyz) {
        public static final Menu EMPTY = new Menu(null, null, null);

        public Menu {
            timeout = ConfigChecks.duration("ipxe.menu.timeout", timeout, Duration.ofSeconds(60), Duration.ZERO,
                    Duration.ofHours(24));
            defaultEntry = defaultEntry == null || defaultEntry.isBlank() ? "local" : defaultEntry.trim();
            netbootxyz = ConfigChecks.httpUrl("ipxe.menu.netbootxyz", netbootxyz);
        }
    }
}
