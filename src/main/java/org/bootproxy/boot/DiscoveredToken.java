package org.bootproxy.boot;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The build token of a host bootproxy made for a machine that is in no inventory: the machine chose a group in
 * the OS menu, or a profile installs it. The token names what the host was made from, so the installer's later
 * requests ({@code /unattended/provision?token=…}, {@code built}) find the same host again without bootproxy
 * keeping any state: {@code bp.group.alma9.525400123456}, {@code bp.profile.r640.525400123456} (only characters
 * that need no escaping in a URL).
 *
 * @param source GROUP (chosen in the menu) or PROFILE (a profile's {@code install})
 * @param name   the group's or the profile's name
 * @param mac    the machine's MAC the host is made for
 */
public record DiscoveredToken(Source source, String name, MacAddress mac) {
    public enum Source { GROUP, PROFILE }

    public static final String PREFIX = "bp.";
    /** Group and profile names are file names: letters, digits, dots, dashes and underscores. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public DiscoveredToken {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a group or profile name (letters, digits, . _ -)");
        }
    }

    /** The token a host made this way carries, as it appears in URLs. */
    public String text() {
        return PREFIX + source.name().toLowerCase(java.util.Locale.ROOT) + "." + name + "." + mac.bare();
    }

    /** The host name such a machine gets: {@code discovered-525400123456}. Its build record is kept under it. */
    public static String hostName(MacAddress mac) {
        return "discovered-" + mac.bare();
    }

    /** The token's parts, or empty when it is not a token bootproxy made. */
    public static Optional<DiscoveredToken> parse(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String rest = token.substring(PREFIX.length());
        Source source = rest.startsWith("group.") ? Source.GROUP : rest.startsWith("profile.") ? Source.PROFILE : null;
        if (source == null || rest.indexOf('.') + 2 > rest.length() - 13 || rest.charAt(rest.length() - 13) != '.') {
            return Optional.empty();
        }
        String name = rest.substring(rest.indexOf('.') + 1, rest.length() - 13);
        Optional<MacAddress> mac = MacAddress.tryParse(rest.substring(rest.length() - 12));
        if (mac.isEmpty() || !NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of(new DiscoveredToken(source, name, mac.get()));
    }
}
