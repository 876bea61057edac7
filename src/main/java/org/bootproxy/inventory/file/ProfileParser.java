package org.bootproxy.inventory.file;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bootproxy.boot.DiscoveredToken;
import org.bootproxy.boot.Glob;
import org.bootproxy.boot.Profile;
import org.bootproxy.boot.Selector;
import org.bootproxy.inventory.file.YamlNode.Mapping;

/**
 * Turns one profile file into a {@link Profile}, or into every problem found in it (key, line, what is allowed):
 *
 * <pre>
 * match:                      # every selector must match; none: a catch-all
 *   manufacturer: Dell Inc.
 *   product: PowerEdge R6*
 * template: ipxe/menu         # the iPXE template the machine gets, and/or
 * install: r640               # a host group to install it with
 * params: {menu_default: r640}
 * </pre>
 */
final class ProfileParser {
    static final List<String> KEYS = List.of("match", "template", "install", "params");
    private static final Pattern TEMPLATE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)+");

    /** A profile, or why there is none. */
    record Parsed(Optional<Profile> profile, List<HostFileProblem> problems) {
    }

    Parsed parse(YamlFolder.YamlFile file) {
        if (file.tree().isEmpty()) {
            return new Parsed(Optional.empty(), file.problems());
        }
        String name = file.baseName();
        Reading r = new Reading(file.path());
        if (!DiscoveredToken.NAME.matcher(name).matches()) {
            r.problem(0, "'" + name + "' is not a profile name: name profile files with letters, digits, '.', '_' and '-'");
        }
        if (!(file.tree().get() instanceof Mapping top)) {
            r.problem(file.tree().get(), "a profile file is a map of keys (match:, template:, install:, params:), not "
                    + file.tree().get().kindName());
            return new Parsed(Optional.empty(), r.problems());
        }
        r.allowOnly(top, "", KEYS);
        Map<Selector, Glob> match = r.match(top);
        String template = r.text(top, "template", "template");
        if (!template.isEmpty() && !TEMPLATE.matcher(template).matches()) {
            r.problem(YamlFields.at(top, "template"), "template: '" + template + "' is not a template name such as ipxe/menu");
        }
        String install = r.text(top, "install", "install");
        if (!install.isEmpty() && !DiscoveredToken.NAME.matcher(install).matches()) {
            r.problem(YamlFields.at(top, "install"), "install: '" + install + "' is not a group name (a file in the groups"
                    + " folder without .yaml)");
        }
        if (template.isEmpty() && install.isEmpty()) {
            r.problem(top, "a profile needs template: (the iPXE template the machine gets, e.g. ipxe/menu) or install:"
                    + " (a host group to install it with), or both");
        }
        Map<String, String> params = new LinkedHashMap<>();
        r.mapping(top, "params", "params").ifPresent(m -> m.entries().values().forEach(
                e -> params.put(e.key(), r.scalarText(e.value(), "params." + e.key()))));
        if (!r.problems().isEmpty()) {
            return new Parsed(Optional.empty(), r.problems());
        }
        return new Parsed(Optional.of(new Profile(name, match, template, params, install, file.path().toString())),
                List.of());
    }

    private static final class Reading extends YamlFields {
        Reading(Path file) {
            super(file);
        }

        Map<Selector, Glob> match(Mapping top) {
            Map<Selector, Glob> match = new EnumMap<>(Selector.class);
            mapping(top, "match", "match").ifPresent(m -> m.entries().values().forEach(e -> {
                Optional<Selector> selector = Selector.fromKey(e.key());
                if (selector.isEmpty()) {
                    problem(e, "match: unknown selector '" + e.key() + "'"
                            + org.bootproxy.support.DidYouMean.closest(e.key(), List.of(Selector.keys().split(", ")), 2)
                                    .map(s -> ", did you mean '" + s + "'?").orElse("")
                            + " (allowed: " + Selector.keys() + ")");
                    return;
                }
                String text = scalarText(e.value(), "match." + e.key());
                if (!(e.value() instanceof YamlNode.Scalar)) {
                    return;
                }
                try {
                    match.put(selector.get(), selector.get().pattern(text));
                } catch (IllegalArgumentException ex) {
                    problem(e, "match." + ex.getMessage());
                }
            }));
            return match;
        }
    }
}
