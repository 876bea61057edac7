package org.bootproxy.inventory.cmdb;

import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Any CMDB that answers HTTP with JSON, described in the CMDB mapping language (config key
 * {@code inventory.cmdb}, docs/upstream.md): a lookup URL template with the MAC in it, follow-up requests
 * (NetBox: the interface, then its device), and a mapping from the answers to bootproxy's host fields.
 * The answers are gathered into one document, {@code {"lookup": <first answer>, "<request name>": <its answer>, …}};
 * every pointer (in the mapping, in {@code exists} and in follow-up URLs) is a JSON Pointer into it.
 * The constructor checks the language; a mistake is an {@link Invalid} naming the config key.
 *
 * @param name           what messages call it, e.g. "NetBox"
 * @param url            the lookup URL template (see {@link UrlTemplate})
 * @param headers        extra request headers
 * @param basicUser      Basic authentication user, or "" for none
 * @param basicPassword  its password
 * @param bearerToken    Bearer token, or "" for none
 * @param exists         pointer that must hold a value for the MAC to count as known; "" = any 200 answer
 * @param requests       follow-up requests, run in order
 * @param mapping        host field ({@link #FIELDS}) → where its value comes from
 * @param caFile         PEM CA file for the CMDB's certificate, or "" for the JVM's trust store
 * @param clientCert     PEM client certificate, or ""
 * @param clientKey      its PEM private key, or ""
 * @param connectTimeout connect timeout
 * @param readTimeout    answer timeout per request
 */
public record CmdbSettings(String name, String url, Map<String, String> headers, String basicUser, String basicPassword,
                           String bearerToken, String exists, List<Request> requests, Map<String, Field> mapping,
                           String caFile, String clientCert, String clientKey, Duration connectTimeout,
                           Duration readTimeout) {

    static final String KEY = "inventory.cmdb";

    /** The host fields a mapping may set. {@code name} and {@code os.family} are required. */
    public static final List<String> FIELDS = List.of(
            "name", "build", "token", "ip", "medium",
            "os.name", "os.family", "os.major", "os.minor", "os.arch", "os.release_name",
            "subnet.mask", "subnet.gateway", "subnet.dns", "subnet.boot_mode",
            "params", "templates", "revision",
            "interfaces", "interface.mac", "interface.ip", "interface.identifier", "interface.provision");

    public CmdbSettings {
        name = text(name).isEmpty() ? "CMDB" : name.trim();
        url = text(url);
        if (url.isEmpty()) {
            throw new Invalid(KEY + ".url is not set; it is required when inventory.type is cmdb"
                    + " (e.g. url: https://cmdb.example.com/api/hosts?mac={mac})");
        }
        UrlTemplate.check(KEY + ".url", url, Set.of());
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        basicUser = text(basicUser);
        basicPassword = Objects.requireNonNullElse(basicPassword, "");
        bearerToken = text(bearerToken);
        exists = text(exists);
        if (!exists.isEmpty() && !exists.startsWith("/")) {
            throw new Invalid(KEY + ".exists: '" + exists + "' is not a JSON pointer; it starts with /, e.g. /lookup/results/0");
        }
        requests = requests == null ? List.of() : List.copyOf(requests);
        checkRequests(requests);
        mapping = mapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        checkMapping(mapping);
        caFile = text(caFile);
        clientCert = text(clientCert);
        clientKey = text(clientKey);
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
    }

    /** Each follow-up URL may point into the answers fetched before it, and names are unique. */
    private static void checkRequests(List<Request> requests) {
        Set<String> names = new HashSet<>(Set.of("lookup"));
        for (int i = 0; i < requests.size(); i++) {
            Request r = Objects.requireNonNull(requests.get(i), "request");
            String k = KEY + ".requests[" + i + "]";
            UrlTemplate.check(k + ".url", r.url(), names);
            if (!names.add(r.name())) {
                throw new Invalid(k + ".name: '" + r.name() + "' is used twice (and 'lookup' is the first request)");
            }
        }
    }

    private static void checkMapping(Map<String, Field> mapping) {
        for (var e : mapping.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                throw new Invalid(KEY + ".mapping: unknown field '" + e.getKey() + "'; allowed: " + String.join(", ", FIELDS));
            }
            Objects.requireNonNull(e.getValue(), e.getKey());
        }
        for (String required : List.of("name", "os.family")) {
            if (!mapping.containsKey(required)) {
                throw new Invalid(KEY + ".mapping." + required
                        + " is required (a JSON pointer such as /lookup/hostname, or a constant)");
            }
        }
        if (mapping.containsKey("interfaces") && !mapping.containsKey("interface.mac")) {
            throw new Invalid(KEY + ".mapping.interface.mac is required with mapping.interfaces"
                    + " (a pointer into each element, e.g. /mac_address)");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "CmdbSettings[name=" + name + ", url=" + url + ", headers=" + headers.keySet() + ", requests="
                + requests.stream().map(Request::name).toList() + ", mapping=" + mapping.keySet() + "]";
    }

    /** A follow-up request: its answer joins the document under {@code name}; its URL is a {@link UrlTemplate}. */
    public record Request(String name, String url) {
        public Request {
            name = text(name);
            url = text(url);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new Invalid(KEY + ".requests.name: '" + name
                        + "' is not allowed; use a short word such as device or interfaces");
            }
            if (url.isEmpty()) {
                throw new Invalid(KEY + ".requests." + name + ".url is required");
            }
        }
    }

    /**
     * Where one host field comes from: a JSON pointer into the document, or a constant. {@code fallback} is
     * used when the pointer finds nothing (else that is an error); {@code match} keeps the regex match, or its
     * first group (e.g. "192.0.2.11" out of NetBox's "192.0.2.11/24").
     */
    public record Field(String pointer, String value, String fallback, Pattern match) {

        public Field {
            pointer = text(pointer);
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new Invalid(KEY + ".mapping: pointer '" + pointer + "' must start with /");
            }
            if (pointer.isEmpty() == (value == null)) {
                throw new Invalid(KEY + ".mapping: a field takes a pointer or a value (a constant), exactly one of them");
            }
        }

        /** As written in the config: {@code match} is a regular expression, or "" / null for none. */
        public static Field of(String pointer, String value, String fallback, String match) {
            Pattern p = null;
            if (match != null && !match.isEmpty()) {
                try {
                    p = Pattern.compile(match);
                } catch (PatternSyntaxException e) {
                    throw new Invalid(KEY + ".mapping: match '" + match + "' is not a regular expression: " + e.getDescription());
                }
            }
            return new Field(pointer, value, fallback, p);
        }

        public boolean isConstant() {
            return pointer.isEmpty();
        }
    }

    /** A mistake in the CMDB mapping language; the message names the config key and the fix. */
    public static final class Invalid extends IllegalArgumentException {
        Invalid(String message) {
            super(message);
        }
    }
}
