package org.bootproxy.inventory.foreman;

import java.time.Duration;
import java.util.Objects;

/**
 * Where Foreman is and how to log in (config key {@code inventory.foreman}), with {@code ${ENV}} already
 * expanded and every value checked by the config.
 *
 * @param url            Foreman's base URL without a trailing slash, e.g. https://foreman.example.com
 * @param username       API user (Basic authentication), or ""
 * @param password       its password, or ""
 * @param token          a Personal Access Token of {@code username} (sent as the Basic password), or ""
 * @param caFile         PEM file with the CA(s) that signed Foreman's certificate; "" = the JVM's trust store
 * @param clientCert     PEM client certificate (chain), or ""
 * @param clientKey      its PEM private key, or ""
 * @param connectTimeout TCP/TLS connect timeout
 * @param readTimeout    how long to wait for each answer
 * @param referenceTtl   how long operating systems, media and subnets are remembered by id (0 = not at all)
 */
public record ForemanSettings(String url, String username, String password, String token, String caFile,
                              String clientCert, String clientKey, Duration connectTimeout, Duration readTimeout,
                              Duration referenceTtl) {

    public ForemanSettings {
        url = Objects.requireNonNullElse(url, "").trim();
        if (url.isEmpty()) {
            throw new IllegalArgumentException("Foreman's url is required");
        }
        username = Objects.requireNonNullElse(username, "");
        password = Objects.requireNonNullElse(password, "");
        token = Objects.requireNonNullElse(token, "");
        caFile = Objects.requireNonNullElse(caFile, "");
        clientCert = Objects.requireNonNullElse(clientCert, "");
        clientKey = Objects.requireNonNullElse(clientKey, "");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(referenceTtl, "referenceTtl");
    }

    /** The secret sent as the Basic password: the password or the Personal Access Token. */
    public String secret() {
        return token.isEmpty() ? password : token;
    }

    /** Never prints secrets. */
    @Override
    public String toString() {
        return "ForemanSettings[url=" + url + ", username=" + username + (secret().isEmpty() ? "" : ", secret=****") + "]";
    }
}
