package org.bootproxy.fakes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MenuEntry;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.Profile;
import org.bootproxy.boot.Profiles;
import org.bootproxy.boot.SiteDefinitions;

/**
 * A site with exactly the profiles and groups it was given. A group is a host to copy: a host made from it gets
 * the group host's os, medium, subnet, params (with the given ones over them) and templates, and the name, NICs
 * and token asked for.
 */
public final class FixedSite implements SiteDefinitions {
    private final List<Profile> profiles;
    private final Map<String, Host> groups = new LinkedHashMap<>();
    private final Map<String, String> titles = new LinkedHashMap<>();
    /** The same list until a group is added, as a real site's is until its folder is read again. */
    private List<MenuEntry> menu = List.of();

    public FixedSite(Profile... profiles) {
        this.profiles = List.of(profiles);
    }

    /** Adds a group; with a title it is listed in the OS menu. */
    public FixedSite group(String name, Host settings, String menuTitle) {
        groups.put(name, settings);
        if (menuTitle != null) {
            titles.put(name, menuTitle);
            menu = titles.entrySet().stream().map(e -> new MenuEntry(e.getKey(), e.getValue())).toList();
        }
        return this;
    }

    @Override
    public Profiles profiles() {
        return new Profiles(profiles);
    }

    @Override
    public List<MenuEntry> menu() {
        return menu;
    }

    @Override
    public Optional<Host> hostFromGroup(String group, String name, List<Nic> nics, String token, Map<String, String> params) {
        return Optional.ofNullable(groups.get(group)).map(g -> {
            Map<String, String> p = new LinkedHashMap<>(g.params());
            p.putAll(params);
            return new Host(name, true, token, nics, g.os(), g.medium(), g.subnet(), p, g.templates(),
                    "group-" + group + "-" + g.revision(), "groups/" + group + ".yaml").withGroups(List.of(group));
        });
    }
}
