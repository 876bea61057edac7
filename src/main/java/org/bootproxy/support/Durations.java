package org.bootproxy.support;

import java.time.Duration;

/**
 * Durations as operators write them ({@code 500ms}, {@code 30s}, {@code 1h30m}): the config reads that spelling,
 * and every message that names a timeout or an age prints it the same way.
 */
public final class Durations {

    private Durations() {
    }

    /** "30s", "5m", "1h30m", "250ms": the shortest spelling the config file reads back. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        StringBuilder sb = new StringBuilder();
        append(sb, d.toDays(), "d");
        append(sb, d.toHoursPart(), "h");
        append(sb, d.toMinutesPart(), "m");
        append(sb, d.toSecondsPart(), "s");
        append(sb, d.toMillisPart(), "ms");
        return sb.toString();
    }

    private static void append(StringBuilder sb, long n, String unit) {
        if (n > 0) {
            sb.append(n).append(unit);
        }
    }
}
