package org.bootproxy.boot;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * How the OS menu ({@code ipxe/menu}) behaves: config {@code ipxe.menu}, per profile its params
 * {@code menu_timeout} and {@code menu_default}.
 *
 * @param timeoutSeconds after this long without a key the default entry is taken (0: wait for a key)
 * @param defaultEntry   {@code local} (boot from disk), {@code netbootxyz}, or the name of a group in the menu
 * @param netbootxyz     where the netboot.xyz entry chains to (e.g. https://boot.netboot.xyz); empty: no entry
 */
public record MenuSettings(int timeoutSeconds, String defaultEntry, Optional<URI> netbootxyz) {
    public static final String LOCAL = "local";
    public static final String NETBOOTXYZ = "netbootxyz";
    public static final MenuSettings DEFAULTS = new MenuSettings(60, LOCAL, Optional.empty());

    public MenuSettings {
        if (timeoutSeconds < 0 || timeoutSeconds > 86_400) {
            throw new IllegalArgumentException("menu timeout must be 0..86400 seconds, not " + timeoutSeconds);
        }
        defaultEntry = defaultEntry == null || defaultEntry.isBlank() ? LOCAL : defaultEntry.trim();
        netbootxyz = Objects.requireNonNullElse(netbootxyz, Optional.empty());
    }
}
