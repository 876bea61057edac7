package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Duration;
import org.bootproxy.support.Durations;

/**
 * {@code inventory.foreman:} where Foreman is and how to log in. String values may use {@code ${ENV_VAR}}.
 *
 * @param url            Foreman's base URL, e.g. https://foreman.example.com ("" = not configured)
 * @param username       API user (Basic authentication)
 * @param password       its password; or leave empty and set {@code token}
 * @param token          a Personal Access Token of {@code username} (sent as the Basic password)
 * @param caFile         PEM file with the CA(s) that signed Foreman's certificate; "" = the JVM's trust store
 * @param clientCert     PEM client certificate (chain) for client-certificate authentication, or ""
 * @param clientKey      its PEM private key (PKCS#8 or PKCS#1 RSA, unencrypted), or ""
 * @param connectTimeout TCP/TLS connect timeout (default 5s)
 * @param readTimeout    how long to wait for each answer (default 10s)
 * @param referenceTtl   how long operating systems, media and subnets are remembered by id (default 5m, 0s = never)
 */
public record ForemanConfig(
        @JsonProperty("url") String url,
        @JsonProperty("username") String username,
        @JsonProperty("password") String password,
        @JsonProperty("token") String token,
        @JsonProperty("ca_file") String caFile,
        @JsonProperty("client_cert") String clientCert,
        @JsonProperty("client_key") String clientKey,
        @JsonProperty("connect_timeout") @JsonDeserialize(using = DurationText.Json.class) Duration connectTimeout,
        @JsonProperty("read_timeout") @JsonDeserialize(using = DurationText.Json.class) Duration readTimeout,
        @JsonProperty("reference_ttl") @JsonDeserialize(using = DurationText.Json.class) Duration referenceTtl) {

    static final String KEY = "inventory.foreman";

    public ForemanConfig {
        url = ConfigChecks.httpUrl(KEY + ".url", ConfigChecks.text(KEY + ".url", url));
        username = ConfigChecks.text(KEY + ".username", username);
        password = ConfigChecks.secret(KEY + ".password", password);
        token = ConfigChecks.secret(KEY + ".token", token).trim();
        caFile = ConfigChecks.text(KEY + ".ca_file", caFile);
        clientCert = ConfigChecks.text(KEY + ".client_cert", clientCert);
        clientKey = ConfigChecks.text(KEY + ".client_key", clientKey);
        connectTimeout = ConfigChecks.duration(KEY + ".connect_timeout", connectTimeout,
                Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofMinutes(5));
        readTimeout = ConfigChecks.duration(KEY + ".read_timeout", readTimeout,
                Duration.ofSeconds(10), Duration.ofMillis(10), Duration.ofMinutes(10));
        referenceTtl = ConfigChecks.duration(KEY + ".reference_ttl", referenceTtl,
                Duration.ofMinutes(5), Duration.ZERO, Duration.ofDays(1));
        if (!password.isEmpty() && !token.isEmpty()) {
            throw new IllegalArgumentException(KEY + ": set either password or token (a Personal Access Token), not both");
        }
        if (username.isEmpty() && !(password.isEmpty() && token.isEmpty())) {
            throw new IllegalArgumentException(KEY + ".username is required with a password or token"
                    + " (Foreman reads a Personal Access Token as the password of its user)");
        }
        if (!username.isEmpty() && password.isEmpty() && token.isEmpty()) {
            throw new IllegalArgumentException(KEY + ": username " + username + " has no password or token;"
                    + " set one (e.g. password: ${FOREMAN_PASSWORD})");
        }
        ConfigChecks.pair(KEY, clientCert, clientKey);
    }

    /** Nothing set: Foreman not configured. */
    public static ForemanConfig defaults() {
        return new ForemanConfig(null, null, null, null, null, null, null, null, null, null);
    }

    public boolean configured() {
        return !url.isEmpty();
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "ForemanConfig[url=" + url + ", username=" + username + ", password=" + ConfigChecks.mask(password)
                + ", token=" + ConfigChecks.mask(token) + ", ca_file=" + caFile + ", client_cert=" + clientCert
                + ", client_key=" + clientKey + ", connect_timeout=" + Durations.format(connectTimeout)
                + ", read_timeout=" + Durations.format(readTimeout) + ", reference_ttl=" + Durations.format(referenceTtl) + "]";
    }
}
