package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code inventory.cmdb:} any CMDB that answers HTTP with JSON, as written in the YAML file, with {@code ${ENV_VAR}}
 * expanded and defaults filled in. The mapping language itself (URL placeholders, follow-up requests, JSON
 * pointers, the fields a mapping may set) belongs to the CMDB backend, which checks it when bootproxy starts
 * ({@code inventory/cmdb/CmdbSettings}); here it is plain text.
 *
 * @param name           what to call it in messages, e.g. "NetBox" (default "CMDB")
 * @param url            the lookup URL template, e.g. https://cmdb.example.com/api/hosts?mac={mac}
 * @param headers        extra request headers (values may use ${ENV}), e.g. Authorization: Token ${NETBOX_TOKEN}
 * @param auth           Basic or Bearer authentication, or none
 * @param exists         pointer that must hold a value for the MAC to count as known (e.g. /lookup/results/0);
 *                       "" = any 200 answer is a host, a 404 is unknown
 * @param requests       follow-up requests, run in order
 * @param mapping        host field → where its value comes from
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

    public CmdbConfig {
        name = ConfigChecks.text(KEY + ".name", name);
        name = name.isEmpty() ? "CMDB" : name;
        url = ConfigChecks.text(KEY + ".url", url);
        headers = EnvText.expandValues(KEY + ".headers", headers);
        auth = auth == null ? Auth.NONE : auth;
        exists = ConfigChecks.text(KEY + ".exists", exists);
        requests = requests == null ? List.of() : requests;
        if (requests.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(KEY + ".requests has an empty entry; write {name: device, url: https://…}");
        }
        requests = List.copyOf(requests);
        mapping = mapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
        mapping.forEach((field, source) -> {
            if (source == null) {
                throw new IllegalArgumentException(KEY + ".mapping." + field + " is empty; write a JSON pointer such as /name");
            }
        });
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

    /** A follow-up request ({@code name}, {@code url}); its answer joins the document under its name. */
    public record Request(@JsonProperty("name") String name, @JsonProperty("url") String url) {
        public Request {
            name = ConfigChecks.text(KEY + ".requests.name", name);
            url = ConfigChecks.text(KEY + ".requests.url", url);
        }
    }

    /**
     * Where one host field comes from, as written: a string — a JSON pointer when it starts with {@code /},
     * else a constant — or a mapping {@code {pointer: /x, default: "dhcp", match: "^[^/]+"}} or
     * {@code {value: "/literal"}}. {@code match} is a regular expression, still as text.
     */
    public record Field(String pointer, String value, String fallback, String match) {

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        static Field fromYaml(@JsonProperty("pointer") String pointer, @JsonProperty("value") String value,
                              @JsonProperty("default") String fallback, @JsonProperty("match") String match) {
            return new Field(pointer, value == null ? null : EnvText.expand("mapping value", value), fallback, match);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Field fromText(String text) {
            String t = text == null ? "" : text.trim();
            return t.startsWith("/") ? new Field(t, null, null, null) : new Field(null, text, null, null);
        }
    }
}
