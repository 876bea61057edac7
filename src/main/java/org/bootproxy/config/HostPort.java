package org.bootproxy.config;

/**
 * A listen address written {@code HOST:PORT} ({@code 0.0.0.0:8000}, {@code [::1]:69}, {@code 127.0.0.1:0}).
 */
public record HostPort(String host, int port) {

    public HostPort {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
    }

    /**
     * Parses {@code HOST:PORT}.
     *
     * @param key  the flag or config key, named in the error
     * @param text the value
     */
    public static HostPort parse(String key, String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new ConfigException(key + ": '" + text + "' is not HOST:PORT (for example 0.0.0.0:8000 or [::1]:69)");
        }
        String host = t.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new ConfigException(key + ": '" + text + "': write IPv6 addresses in brackets, e.g. [::1]:69");
        }
        int port;
        try {
            port = Integer.parseInt(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + text + "': the port must be a number 0..65535");
        }
        if (port < 0 || port > 65535) {
            throw new ConfigException(key + ": '" + text + "': the port must be 0..65535");
        }
        return new HostPort(host, port);
    }

    /** The host as it goes into a URL ({@code [::1]} for IPv6). */
    public String urlHost() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    public boolean isWildcard() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("*");
    }

    @Override
    public String toString() {
        return urlHost() + ":" + port;
    }
}
