package org.bootproxy.boot;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What a machine none of whose NICs is in the inventory gets when it matches: matchbox's idea, selectors on
 * what iPXE reports (format: README "Unknown machines"). The profile with the most selectors that all match
 * wins; two that tie are a {@code lint} error and, at run time, give the machine the default unknown-machine
 * answer.
 *
 * @param name     the profile's name (its file name without .yaml)
 * @param match    every selector must match; none at all makes a catch-all that loses to any other match
 * @param template the iPXE template the machine gets ({@code ipxe/menu}, a discovery image, …); "" with
 *                 {@code install}: the group's own iPXE template
 * @param params   values the template reads as {@code profile.params.*}; with {@code install} they are also
 *                 laid over the group's {@code params}
 * @param install  the host group to install the machine with ("" for none): the machine gets a host made from
 *                 the group's settings, in build, whose {@code built} records it as discovered and installed
 * @param source   where it is defined, for messages: {@code profiles/r640.yaml}
 */
public record Profile(String name, Map<Selector, Glob> match, String template, Map<String, String> params,
                      String install, String source) {

    public Profile {
        Objects.requireNonNull(name, "name");
        match = match.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(match));
        template = template == null ? "" : template;
        params = params == null ? Map.of() : Map.copyOf(params);
        install = install == null ? "" : install;
        source = source == null ? "" : source;
        if (template.isEmpty() && install.isEmpty()) {
            throw new IllegalArgumentException("profile " + name + " gives neither a template nor a group to install");
        }
    }

    /** Whether every selector matches the machine. */
    public boolean matches(MachineFacts facts) {
        return match.entrySet().stream().allMatch(e -> e.getKey().matches(e.getValue(), facts));
    }

    /** How specific it is: the number of selectors (matchbox's rule: the most selectors wins). */
    public int specificity() {
        return match.size();
    }

    /** Whether some machine could match both this profile and {@code other}. */
    public boolean canMatchTheSameMachineAs(Profile other) {
        return match.entrySet().stream().allMatch(e -> {
            Glob theirs = other.match.get(e.getKey());
            return theirs == null || e.getKey().overlaps(e.getValue(), theirs);
        });
    }

    /** {@code manufacturer=Dell*, nics=4}, in selector order; {@code (no selectors)} for a catch-all. */
    public String selectors() {
        if (match.isEmpty()) {
            return "(no selectors)";
        }
        return new EnumMap<>(match).entrySet().stream().map(e -> e.getKey().key() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
