package org.bootproxy.inventory.foreman;

import java.time.Duration;

/** Foreman settings for tests: the usual timeouts, and only what a test says. */
public final class ForemanSettingsBuilder {
    private final String url;
    private String username = "admin";
    private String password = "changeme";
    private String token = "";
    private String caFile = "";
    private String clientCert = "";
    private String clientKey = "";
    private Duration readTimeout = Duration.ofSeconds(10);

    private ForemanSettingsBuilder(String url) {
        this.url = url;
    }

    /** Foreman at {@code url}, as admin/changeme. */
    public static ForemanSettingsBuilder foremanAt(String url) {
        return new ForemanSettingsBuilder(url);
    }

    public ForemanSettingsBuilder login(String user, String pass) {
        this.username = user;
        this.password = pass;
        this.token = "";
        return this;
    }

    /** A Personal Access Token instead of a password. */
    public ForemanSettingsBuilder token(String user, String pat) {
        this.username = user;
        this.password = "";
        this.token = pat;
        return this;
    }

    public ForemanSettingsBuilder tls(String ca, String cert, String key) {
        this.caFile = ca;
        this.clientCert = cert;
        this.clientKey = key;
        return this;
    }

    public ForemanSettingsBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    public ForemanSettings build() {
        return new ForemanSettings(url, username, password, token, caFile, clientCert, clientKey, Duration.ofSeconds(5),
                readTimeout, Duration.ofMinutes(5));
    }
}
