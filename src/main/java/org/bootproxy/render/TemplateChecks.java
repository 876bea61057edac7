package org.bootproxy.render;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How often a template file found unchanged is looked at again: a kept answer and a template name found to exist
 * trust their files' stamps for {@code every} after the last look, so serving an answer costs no {@code stat} while
 * its files were looked at less than that ago, and an operator's edit is seen at most {@code every} after it is saved
 * ({@link #DEFAULT}: one second, as the site's host files are). {@link Duration#ZERO} looks on every answer.
 * A look is by the clock's milliseconds; a clock that went back counts as due.
 */
record TemplateChecks(Clock clock, long everyMillis) {

    /** An edit applies within a second: what an operator saving a file and booting a machine does not notice. */
    static final Duration DEFAULT = Duration.ofSeconds(1);

    TemplateChecks {
        Objects.requireNonNull(clock, "clock");
        if (everyMillis < 0) {
            throw new IllegalArgumentException("template check interval must not be negative: " + everyMillis + " ms");
        }
    }

    TemplateChecks(Clock clock, Duration every) {
        this(clock, every.toMillis());
    }

    static TemplateChecks defaults() {
        return new TemplateChecks(Clock.systemUTC(), DEFAULT);
    }

    long now() {
        return clock.millis();
    }

    /** Whether files last found unchanged at {@code checkedAt} must be looked at again at {@code now}. */
    boolean due(long checkedAt, long now) {
        return now - checkedAt >= everyMillis || now < checkedAt;
    }
}
