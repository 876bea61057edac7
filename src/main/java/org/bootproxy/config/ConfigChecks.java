package org.bootproxy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import org.bootproxy.support.Durations;

/** Small validators shared by the config records; every message names the key and what is allowed. */
final class ConfigChecks {

    private ConfigChecks() {
    }

    /**
     * The checks of one section's values, each noted instead of thrown, so a section with several mistakes
     * reports them all ({@link #done}: one exception, one line per mistake). A refused value becomes its default.
     */
    static final class Each {
        private final java.util.List<String> problems = new java.util.ArrayList<>();

        int range(String key, Integer value, int dflt, int min, int max) {
            return noted(() -> ConfigChecks.range(key, value, dflt, min, max), dflt);
        }

        Duration duration(String key, Duration value, Duration dflt, Duration min, Duration max) {
            return noted(() -> ConfigChecks.duration(key, value, dflt, min, max), dflt);
        }

        private <T> T noted(java.util.function.Supplier<T> check, T otherwise) {
            try {
                return check.get();
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return otherwise;
            }
        }

        void problem(String message) {
            problems.add(message);
        }

        /** @throws IllegalArgumentException listing every mistake noted, one per line */
        void done() {
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException(String.join("\n", problems));
            }
        }
    }

    /** An absolute http(s) URL without a trailing slash, or "" when not given. */
    static String httpUrl(String key, String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String v = value.trim();
        try {
            URI u = new URI(v);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                throw new IllegalArgumentException(key + ": '" + value
                        + "' is not allowed; write an absolute http:// or https:// URL such as https://foreman.example.com");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + ": '" + value + "' is not a valid URL (" + e.getReason() + ")");
        }
        while (v.endsWith("/")) {
            v = v.substring(0, v.length() - 1);
        }
        return v;
    }

    /** A duration within [min, max], or the default when not given. */
    static Duration duration(String key, Duration value, Duration dflt, Duration min, Duration max) {
        Duration d = value == null ? dflt : value;
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(key + ": " + Durations.format(d) + " is out of range; allowed "
                    + Durations.format(min) + " to " + Durations.format(max) + " (default " + Durations.format(dflt) + ")");
        }
        return d;
    }

    /** A whole number within [min, max], or the default when not given. */
    static int range(String key, Integer value, int dflt, int min, int max) {
        int v = value == null ? dflt : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + ": " + v + " is out of range; allowed " + min + ".." + max + " (default " + dflt + ")");
        }
        return v;
    }

    /** Trims and expands ${ENV}; null and blank become "". */
    static String text(String key, String value) {
        String v = EnvText.expand(key, value);
        return v == null ? "" : v.trim();
    }

    /** Like {@link #text} but keeps surrounding spaces (passwords). */
    static String secret(String key, String value) {
        String v = EnvText.expand(key, value);
        return v == null ? "" : v;
    }

    static String mask(String secret) {
        return secret.isEmpty() ? "" : "****";
    }

    /** Both or neither of a client certificate and its key. */
    static void pair(String prefix, String clientCert, String clientKey) {
        if (clientCert.isEmpty() != clientKey.isEmpty()) {
            throw new IllegalArgumentException(prefix + ".client_cert and " + prefix
                    + ".client_key go together: set both (PEM files) for client-certificate authentication, or neither");
        }
    }
}
