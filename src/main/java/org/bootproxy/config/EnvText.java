package org.bootproxy.config;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${NAME}} and {@code ${NAME:-fallback}} in config values from the environment, so secrets
 * stay out of the YAML file ({@code password: ${FOREMAN_PASSWORD}}). {@code $${} writes a literal {@code ${}.
 * A variable that is not set and has no fallback is a config error naming the key and the variable.
 */
public final class EnvText {

    private static final Pattern VAR = Pattern.compile("\\$\\$\\{|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    private EnvText() {
    }

    /** Expands from the process environment. */
    public static String expand(String key, String value) {
        return expand(key, value, System::getenv);
    }

    /** Expands from {@code env}; null stays null. */
    public static String expand(String key, String value, Function<String, String> env) {
        if (value == null || !value.contains("${")) {
            return value;
        }
        Matcher m = VAR.matcher(value);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group().equals("$${")) {
                replacement = "${";
            } else {
                String name = m.group(1);
                String v = env.apply(name);
                if (v == null || v.isEmpty()) {
                    if (m.group(2) == null) {
                        throw new IllegalArgumentException(key + ": environment variable " + name
                                + " is not set (the value is '" + value + "'; set it, or write ${" + name + ":-default})");
                    }
                    v = m.group(2);
                }
                replacement = v;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /** Expands every value of a map (header values, …); keys stay as written. */
    public static Map<String, String> expandValues(String key, Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        var out = new java.util.LinkedHashMap<String, String>();
        values.forEach((k, v) -> out.put(k, expand(key + "." + k, v == null ? "" : v)));
        return java.util.Collections.unmodifiableMap(out);
    }
}
