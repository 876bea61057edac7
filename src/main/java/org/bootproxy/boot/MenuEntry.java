package org.bootproxy.boot;

import java.util.Objects;

/**
 * An installer the OS menu offers an unknown machine: a host group that has a {@code menu:} title.
 *
 * @param group the group's name; choosing the entry installs the machine with its settings
 * @param title what the menu shows, e.g. "AlmaLinux 9.4 (kickstart)"
 */
public record MenuEntry(String group, String title) {
    public MenuEntry {
        Objects.requireNonNull(group, "group");
        title = title == null || title.isBlank() ? group : title.trim();
    }
}
