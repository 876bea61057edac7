package org.bootproxy.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** HTTP settings for tests: loopback on a free port, nothing trusted, nothing served from disk, unless a test says so. */
public final class HttpSettingsBuilder {
    private String host = "127.0.0.1";
    private List<Cidr> trustedProxies = List.of();
    private Optional<Path> assetsDir = Optional.empty();
    private Optional<Path> httpbootDir = Optional.empty();
    private HttpLimits limits = HttpLimits.DEFAULTS;

    private HttpSettingsBuilder() {
    }

    public static HttpSettingsBuilder loopback() {
        return new HttpSettingsBuilder();
    }

    /** Another loopback address, e.g. "::1". */
    public HttpSettingsBuilder host(String address) {
        this.host = address;
        return this;
    }

    public HttpSettingsBuilder trustedProxies(Cidr... proxies) {
        this.trustedProxies = List.of(proxies);
        return this;
    }

    public HttpSettingsBuilder assets(Path dir) {
        this.assetsDir = Optional.of(dir);
        return this;
    }

    public HttpSettingsBuilder httpboot(Path dir) {
        this.httpbootDir = Optional.of(dir);
        return this;
    }

    public HttpSettingsBuilder limits(HttpLimits newLimits) {
        this.limits = newLimits;
        return this;
    }

    public HttpSettings build() {
        return new HttpSettings(host, 0, trustedProxies, assetsDir, httpbootDir, Optional.empty(), limits);
    }
}
