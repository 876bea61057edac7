package org.bootproxy.boot;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Builds bootproxy URLs the way Foreman's {@code foreman_url} does:
 * {@code <public url>/unattended/<kind>?token=…} for a host in build that has a token.
 * bootproxy goes one step further for hosts without a usable token and adds {@code mac=<provision MAC>},
 * because in a file inventory host IPs are often dynamic and the IP fallback would not find them.
 * Extra parameters are appended raw (not URL-encoded) so iPXE {@code ${…}} settings survive.
 */
public final class BootUrls {
    private final String base;

    public BootUrls(BootSettings settings) {
        this.base = settings.publicUrl().toString();
    }

    public String base() {
        return base;
    }

    /** Two are equal when they build the same URLs (answers made with one may be reused with the other). */
    @Override
    public boolean equals(Object o) {
        return o instanceof BootUrls u && u.base.equals(base);
    }

    @Override
    public int hashCode() {
        return base.hashCode();
    }

    /** {@code <base>/unattended/<kind>} identifying {@code host} (may be null: no identification). */
    public String unattended(String kind, Host host, Map<String, String> rawExtra) {
        Map<String, String> q = new LinkedHashMap<>();
        if (host != null) {
            if (host.build() && !host.token().isEmpty()) {
                q.put("token", encode(host.token()));
            } else {
                q.put("mac", host.provisionInterface().mac().colons());
            }
        }
        q.putAll(rawExtra);
        return withQuery(base + "/unattended/" + kind, q);
    }

    /** {@code <base>/userdata/<mac>/} — the NoCloud seed URL, with the trailing slash cloud-init needs. */
    public String userdataSeed(Host host) {
        return base + "/userdata/" + host.provisionInterface().mac().colons() + "/";
    }

    /** {@code <base>/pub/<path>} — a file from the assets directory. */
    public String pub(String path) {
        return base + "/pub/" + (path.startsWith("/") ? path.substring(1) : path);
    }

    static String withQuery(String url, Map<String, String> query) {
        if (query.isEmpty()) {
            return url;
        }
        StringJoiner j = new StringJoiner("&", url + (url.contains("?") ? "&" : "?"), "");
        query.forEach((k, v) -> j.add(k + "=" + v));
        return j.toString();
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
