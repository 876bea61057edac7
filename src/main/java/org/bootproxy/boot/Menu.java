package org.bootproxy.boot;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The OS menu as a template sees it ({@code menu.*}): the installers the site offers, the timeout and default,
 * and netboot.xyz when configured.
 *
 * @param defaultItem the iPXE item taken after the timeout: {@code local}, {@code netbootxyz} or
 *                    {@code install-<group>}
 */
public record Menu(List<MenuEntry> entries, int timeoutSeconds, String defaultItem, Optional<URI> netbootxyz) {
    private static final Pattern TIMEOUT = Pattern.compile("\\d{1,5}");

    public Menu {
        entries = List.copyOf(entries);
    }

    /**
     * The menu from the settings, with a profile's {@code menu_timeout}/{@code menu_default} over them. A default
     * that names no entry (a group without {@code menu:}, netboot.xyz when not configured) falls back to local boot.
     */
    public static Menu of(List<MenuEntry> entries, MenuSettings settings, Map<String, String> overrides) {
        int timeout = settings.timeoutSeconds();
        String t = overrides.getOrDefault("menu_timeout", "").trim();
        if (TIMEOUT.matcher(t).matches()) {
            timeout = Integer.parseInt(t);
        }
        String wanted = overrides.getOrDefault("menu_default", settings.defaultEntry()).trim();
        String item = MenuSettings.LOCAL;
        if (wanted.equals(MenuSettings.NETBOOTXYZ) && settings.netbootxyz().isPresent()) {
            item = MenuSettings.NETBOOTXYZ;
        } else if (entries.stream().anyMatch(e -> e.group().equals(wanted))) {
            item = item(wanted);
        }
        return new Menu(entries, timeout, item, settings.netbootxyz());
    }

    /** The iPXE menu item of a group's entry. */
    public static String item(String group) {
        return "install-" + group;
    }
}
