package org.bootproxy.boot;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Port: what a site defines for machines that are in no inventory: the profiles that pick their answer and
 * the host groups they can install with (in the file layout: the {@code profiles/} and {@code groups/} folders).
 */
public interface SiteDefinitions {

    /** No profiles, no groups: every unknown machine gets the configured unknown-machine answer. */
    SiteDefinitions NONE = new SiteDefinitions() {
        @Override
        public Profiles profiles() {
            return new Profiles(List.of());
        }

        @Override
        public List<MenuEntry> menu() {
            return List.of();
        }

        @Override
        public Optional<Host> hostFromGroup(String group, String name, List<Nic> nics, String token,
                                            Map<String, String> params) {
            return Optional.empty();
        }
    };

    Profiles profiles();

    /** The groups the OS menu lists (those with a {@code menu:} title), in menu order. */
    List<MenuEntry> menu();

    /**
     * A host for a machine in no inventory, in build, with the group's settings (os, medium, subnet, params,
     * templates) and {@code params} laid over the group's.
     *
     * @return empty when there is no such group, or it cannot make a host (no os.family, a broken file)
     */
    Optional<Host> hostFromGroup(String group, String name, List<Nic> nics, String token, Map<String, String> params);

    /** What is wrong with the profile and group files now, one line each with file and line. */
    default List<String> problems() {
        return List.of();
    }
}
