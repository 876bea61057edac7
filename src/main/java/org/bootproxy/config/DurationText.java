package org.bootproxy.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.support.Durations;

/**
 * Durations as operators write them in YAML: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d},
 * combinations such as {@code 1m30s}, or ISO-8601 ({@code PT30S}). A bare number is refused: its unit would
 * be a guess. {@link Durations#format} prints them back.
 */
public final class DurationText {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

    private DurationText() {
    }

    /**
     * Parses {@code text} for the config key {@code key}.
     *
     * @throws IllegalArgumentException naming the key, the value and the allowed spellings
     */
    public static Duration parse(String key, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(key + ": a duration is required" + HINT);
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (t.startsWith("p")) {
            try {
                return nonNegative(key, text, Duration.parse(t.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + ": '" + text + "' is not a duration" + HINT);
            }
        }
        if (t.matches("\\d+")) {
            throw new IllegalArgumentException(key + ": '" + text + "' has no unit; write " + t + "s for seconds" + HINT);
        }
        if (!WHOLE.matcher(t).matches()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is not a duration" + HINT);
        }
        Duration d = Duration.ZERO;
        Matcher m = PART.matcher(t);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = d.plus(switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        return d;
    }

    private static final String HINT = " (use a number with a unit: 500ms, 30s, 5m, 2h, 1d, or ISO-8601 such as PT30S)";

    private static Duration nonNegative(String key, String text, Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException(key + ": '" + text + "' is negative; a duration must be zero or more");
        }
        return d;
    }

    /** Jackson binding for {@link Duration} record components: {@code @JsonDeserialize(using = DurationText.Json.class)}. */
    public static final class Json extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String key = ConfigProblems.path(p.getParsingContext());
            String text = p.getValueAsString();
            try {
                return parse(key.isEmpty() ? "duration" : key, text);
            } catch (IllegalArgumentException e) {
                // reported with the others ({@link ConfigProblems}); the value then counts as not given
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, e.getMessage());
            }
        }
    }
}
