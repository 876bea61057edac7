package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code inventory.cmdb:} any CMDB that answers HTTP with JSON, wired up by config alone: a URL template to
 * look a MAC up, optional follow-up requests (NetBox: interface, then its device), and a mapping from the
 * responses to bootproxy's host fields. The responses are gathered into one document,
 * {@code {"lookup": <first response>, "<request name>": <its response>, …}}; every pointer (in the mapping
 * and in follow-up URLs) is a JSON Pointer into it, e.g. {@code /device/config_context/os/family}.
 * String values may use {@code ${ENV_VAR}}.
 *
 * @param name           what to call it in messages, e.g. "NetBox" (default "CMDB")
 * @param url            the lookup URL template with a MAC placeholder: {mac} (aa:bb:…), {mac_hyphens},
 *                       {mac_bare} (aabbcc…), {mac_upper} (AA:BB:…)
 * @param headers        extra request headers (values may use ${ENV}), e.g. Authorization: Token ${NETBOX_TOKEN}
 * @param auth           Basic or Bearer authentication, or none
 * @param exists         pointer that must hold a value for the MAC to count as known (e.g. /lookup/results/0);
 *                       "" = any 200 answer is a host, a 404 is unknown
 * @param requests       follow-up requests, run in order; their URLs may use {/pointer} placeholders
 * @param mapping        host field → where its value comes from (see {@link #MAPPING_KEYS})
 * @param caFile         PEM CA file for the CMDB's certificate, or "" for the JVM's trust store
 * @param clientCert     PEM client certificate, or ""
 * @param clientKey      its PEM private key, or ""
 * @param connectTimeout connect timeout (default 5s)
 * @param readTimeout    answer timeout per request (default 10s)
 */
public record CmdbConfig(
        @JsonProperty("name") String name,
        @JsonProperty("url") String url,
        @JsonProperty("headers") Map<String, String> headers,
        @JsonProperty("auth") Auth auth,
        @JsonProperty("exists") String exists,
        @JsonProperty("requests") List<Request> requests,
        @JsonProperty("mapping") Map<String, Field> mapping,
        @JsonProperty("ca_file") String caFile,
        @JsonProperty("client_cert") String clientCert,
        @JsonProperty("client_key") String clientKey,
        @JsonProperty("connect_timeout") @JsonDeserialize(using = DurationText.Json.class) Duration connectTimeout,
        @JsonProperty("read_timeout") @JsonDeserialize(using = DurationText.Json.class) Duration readTimeout) {

    static final String KEY = "inventory.cmdb";

    /** {mac}, {mac_hyphens}, … or {/json/pointer} */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    public static final Set<String> MAC_PLACEHOLDERS = Set.of("mac", "mac_hyphens", "mac_bare", "mac_upper");

    /** The host fields a mapping may set. {@code name} and {@code os.family} are required. */
    public static final List<String> MAPPING_KEYS = List.of(
            "name", "build", "token", "ip", "medium",
            "os.name", "os.family", "os.major", "os.minor", "os.arch", "os.release_name",
            "subnet.mask", "subnet.gateway", "subnet.dns", "subnet.boot_mode",
            "params", "templates", "revision",
            "interfaces", "interface.mac", "interface.ip", "interface.identifier", "interface.provision");

    public CmdbConfig {
        name = ConfigChecks.text(KEY + ".name", name);
        name = name.isEmpty() ? "CMDB" : name;
        url = ConfigChecks.text(KEY + ".url", url);
        if (!url.isEmpty()) {
            checkTemplate(KEY + ".url", url, Set.of());
        }
        headers = EnvText.expandValues(KEY + ".headers", headers);
        auth = auth == null ? Auth.NONE : auth;
        exists = pointer(KEY + ".exists", ConfigChecks.text(KEY + ".exists", exists));
        requests = requests == null ? List.of() : List.copyOf(requests);
        Set<String> names = new HashSet<>(Set.of("lookup"));
        for (int i = 0; i < requests.size(); i++) {
            Request r = requests.get(i);
            String k = KEY + ".requests[" + i + "]";
            if (r == null) {
                throw new IllegalArgumentException(k + " is empty; write {name: device, url: https://…}");
            }
            checkTemplate(k + ".url", r.url(), names);
            if (!names.add(r.name())) {
                throw new IllegalArgumentException(k + ".name: '" + r.name() + "' is used twice (and 'lookup' is the first request)");
            }
        }
        mapping = mapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        for (var e : mapping.entrySet()) {
            if (!MAPPING_KEYS.contains(e.getKey())) {
                throw new IllegalArgumentException(KEY + ".mapping: unknown field '" + e.getKey() + "'; allowed: "
                        + String.join(", ", MAPPING_KEYS));
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException(KEY + ".mapping." + e.getKey() + " is empty; write a JSON pointer such as /name");
            }
        }
        if (!url.isEmpty()) {
            for (String required : List.of("name", "os.family")) {
                if (!mapping.containsKey(required)) {
                    throw new IllegalArgumentException(KEY + ".mapping." + required
                            + " is required (a JSON pointer such as /lookup/hostname, or a constant)");
                }
            }
        }
        caFile = ConfigChecks.text(KEY + ".ca_file", caFile);
        clientCert = ConfigChecks.text(KEY + ".client_cert", clientCert);
        clientKey = ConfigChecks.text(KEY + ".client_key", clientKey);
        ConfigChecks.pair(KEY, clientCert, clientKey);
        connectTimeout = ConfigChecks.duration(KEY + ".connect_timeout", connectTimeout,
                Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMinutes(5));
        readTimeout = ConfigChecks.duration(KEY + ".read_timeout", readTimeout,
                Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofMinutes(10));
    }

    public static CmdbConfig defaults() {
        return new CmdbConfig(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    /** The placeholders of a URL template must be MAC spellings or pointers into responses already fetched. */
    private static void checkTemplate(String key, String template, Set<String> earlier) {
        String scheme = template.toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("http://") && !scheme.startsWith("https://") && !scheme.startsWith("{/")) {
            throw new IllegalArgumentException(key + ": '" + template + "' must start with http:// or https://");
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
                    throw new IllegalArgumentException(key + ": placeholder {" + p + "} points into '" + first
                            + "', which is not an earlier response; allowed: " + String.join(", ", new java.util.TreeSet<>(earlier)));
                }
            } else {
                throw new IllegalArgumentException(key + ": unknown placeholder {" + p + "}; allowed: {mac}, {mac_hyphens}, "
                        + "{mac_bare}, {mac_upper}" + (earlier.isEmpty() ? "" : ", or {/pointer} into an earlier response"));
            }
        }
        if (earlier.isEmpty() && !hasMac) {
            throw new IllegalArgumentException(key + ": '" + template + "' has no MAC placeholder; add {mac} (or {mac_hyphens},"
                    + " {mac_bare}, {mac_upper}) where the CMDB expects the MAC");
        }
    }

    private static String pointer(String key, String p) {
        if (!p.isEmpty() && !p.startsWith("/")) {
            throw new IllegalArgumentException(key + ": '" + p + "' is not a JSON pointer; it starts with /, e.g. /lookup/results/0");
        }
        return p;
    }

    @Override
    public String toString() {
        return "CmdbConfig[name=" + name + ", url=" + url + ", headers=" + headers.keySet() + ", auth=" + auth.type()
                + ", requests=" + requests.stream().map(Request::name).toList() + ", mapping=" + mapping.keySet() + "]";
    }

    /**
     * {@code auth:} Basic ({@code type: basic, username, password}) or Bearer ({@code type: bearer, token}).
     * For other schemes (NetBox's {@code Token …}) set an {@code Authorization} header instead.
     */
    public record Auth(@JsonProperty("type") String type, @JsonProperty("username") String username,
                       @JsonProperty("password") String password, @JsonProperty("token") String token) {
        public static final Auth NONE = new Auth("none", null, null, null);

        public Auth {
            type = ConfigChecks.text(KEY + ".auth.type", type).toLowerCase(Locale.ROOT);
            type = type.isEmpty() ? "none" : type;
            username = ConfigChecks.text(KEY + ".auth.username", username);
            password = ConfigChecks.secret(KEY + ".auth.password", password);
            token = ConfigChecks.secret(KEY + ".auth.token", token).trim();
            switch (type) {
                case "none" -> { }
                case "basic" -> {
                    if (username.isEmpty()) {
                        throw new IllegalArgumentException(KEY + ".auth.username is required for type basic");
                    }
                }
                case "bearer" -> {
                    if (token.isEmpty()) {
                        throw new IllegalArgumentException(KEY + ".auth.token is required for type bearer");
                    }
                }
                default -> throw new IllegalArgumentException(KEY + ".auth.type: '" + type
                        + "' is not allowed; use basic, bearer or none (other schemes: set an Authorization header)");
            }
        }

        @Override
        public String toString() {
            return "Auth[type=" + type + ", username=" + username + "]";
        }
    }

    /** A follow-up request: its response joins the document under {@code name}. */
    public record Request(@JsonProperty("name") String name, @JsonProperty("url") String url) {
        public Request {
            name = ConfigChecks.text(KEY + ".requests.name", name);
            url = ConfigChecks.text(KEY + ".requests.url", url);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                throw new IllegalArgumentException(KEY + ".requests.name: '" + name
                        + "' is not allowed; use a short word such as device or interfaces");
            }
            if (url.isEmpty()) {
                throw new IllegalArgumentException(KEY + ".requests." + name + ".url is required");
            }
        }
    }

    /**
     * Where one host field comes from. In YAML either a string — a JSON pointer when it starts with
     * {@code /}, else a constant — or a mapping {@code {pointer: /x, default: "dhcp", match: "^[^/]+"}}
     * ({@code default} when the pointer finds nothing; {@code match} keeps the regex match, or its first
     * group, e.g. "192.0.2.11" out of NetBox's "192.0.2.11/24"), or {@code {value: "/literal"}}.
     */
    public record Field(String pointer, String value, String fallback, Pattern match) {

        public Field {
            pointer = pointer == null ? "" : pointer.trim();
            if (!pointer.isEmpty() && !pointer.startsWith("/")) {
                throw new IllegalArgumentException("mapping pointer '" + pointer + "' must start with /");
            }
            if (pointer.isEmpty() == (value == null)) {
                throw new IllegalArgumentException("a mapping field takes a pointer or a value (a constant), exactly one of them");
            }
        }

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Field fromYaml(@JsonProperty("pointer") String pointer, @JsonProperty("value") String value,
                              @JsonProperty("default") String fallback, @JsonProperty("match") String match) {
            Pattern p = null;
            if (match != null && !match.isEmpty()) {
                try {
                    p = Pattern.compile(match);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("mapping match '" + match + "' is not a regular expression: "
                            + e.getDescription());
                }
            }
            return new Field(pointer, value == null ? null : EnvText.expand("mapping value", value), fallback, p);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Field fromText(String text) {
            String t = text == null ? "" : text.trim();
            return t.startsWith("/") ? new Field(t, null, null, null) : new Field(null, text, null, null);
        }

        public static Field pointer(String pointer) {
            return new Field(pointer, null, null, null);
        }

        public static Field constant(String value) {
            return new Field(null, value, null, null);
        }

        public boolean isConstant() {
            return pointer.isEmpty();
        }
    }

    /** The request names in order, "lookup" first. */
    public List<String> documentNames() {
        List<String> out = new ArrayList<>();
        out.add("lookup");
        requests.forEach(r -> out.add(r.name()));
        return out;
    }
}
