package org.bootproxy.inventory.cmdb;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;

/**
 * Fills a CMDB URL template: {@code {mac}}, {@code {mac_hyphens}}, {@code {mac_bare}}, {@code {mac_upper}},
 * and {@code {/pointer}} into the responses gathered so far (percent-encoded). A template that is one pointer
 * placeholder alone takes that value as the whole URL (NetBox's {@code device.url}).
 */
final class UrlTemplate {

    /** {mac}, {mac_hyphens}, … or {/json/pointer} */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    static final Set<String> MAC_PLACEHOLDERS = Set.of("mac", "mac_hyphens", "mac_bare", "mac_upper");

    private UrlTemplate() {
    }

    /**
     * The placeholders of a URL template must be MAC spellings or pointers into answers already fetched
     * ({@code earlier}: their names; empty for the lookup URL, which must hold the MAC).
     *
     * @throws CmdbSettings.Invalid naming {@code key}
     */
    static void check(String key, String template, Set<String> earlier) {
        String scheme = template.toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("http://") && !scheme.startsWith("https://") && !scheme.startsWith("{/")) {
            throw new CmdbSettings.Invalid(key + ": '" + template + "' must start with http:// or https://");
        }
        Matcher m = PLACEHOLDER.matcher(template);
        boolean hasMac = false;
        while (m.find()) {
            String p = m.group(1);
            if (MAC_PLACEHOLDERS.contains(p)) {
                hasMac = true;
            } else if (p.startsWith("/") && !earlier.isEmpty()) {
                String first = p.substring(1).split("/", 2)[0];
                if (!earlier.contains(first)) {
                    throw new CmdbSettings.Invalid(key + ": placeholder {" + p + "} points into '" + first
                            + "', which is not an earlier response; allowed: " + String.join(", ", new TreeSet<>(earlier)));
                }
            } else {
                throw new CmdbSettings.Invalid(key + ": unknown placeholder {" + p + "}; allowed: {mac}, {mac_hyphens}, "
                        + "{mac_bare}, {mac_upper}" + (earlier.isEmpty() ? "" : ", or {/pointer} into an earlier response"));
            }
        }
        if (earlier.isEmpty() && !hasMac) {
            throw new CmdbSettings.Invalid(key + ": '" + template + "' has no MAC placeholder; add {mac} (or {mac_hyphens},"
                    + " {mac_bare}, {mac_upper}) where the CMDB expects the MAC");
        }
    }

    static String expand(String template, MacAddress mac, JsonNode doc, String key) {
        Matcher whole = PLACEHOLDER.matcher(template);
        if (whole.matches() && whole.group(1).startsWith("/")) {
            String url = value(whole.group(1), doc, key);
            String lower = url.toLowerCase(Locale.ROOT);
            if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
                throw new UpstreamUnavailable("mapping: " + key + ": {" + whole.group(1) + "} is '" + url
                        + "', not an http(s) URL");
            }
            return url;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String p = m.group(1);
            String v = switch (p) {
                case "mac" -> mac.colons();
                case "mac_hyphens" -> mac.hyphens();
                case "mac_bare" -> mac.bare();
                case "mac_upper" -> mac.colons().toUpperCase(Locale.ROOT);
                default -> encode(value(p, doc, key));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String value(String pointer, JsonNode doc, String key) {
        JsonNode n = doc.at(pointer);
        if (n.isMissingNode() || n.isNull()) {
            throw new UpstreamUnavailable("mapping: " + key + ": JSON pointer " + pointer + " not found in the response");
        }
        if (!n.isValueNode()) {
            throw new UpstreamUnavailable("mapping: " + key + ": JSON pointer " + pointer + " is "
                    + (n.isArray() ? "a list" : "an object") + ", not a value");
        }
        return n.asText();
    }

    /** RFC 3986 unreserved characters stay, everything else is %XX (UTF-8). */
    static String encode(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }
}
