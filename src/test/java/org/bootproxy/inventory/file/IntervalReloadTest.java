package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;

class IntervalReloadTest {
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-04T00:00:00Z"));
    final AtomicInteger reads = new AtomicInteger();

    @Test
    void theWatchReadsAgainOnceTheIntervalHasPassed() {
        IntervalReload r = new IntervalReload(clock, Duration.ofSeconds(1), reads::incrementAndGet);
        r.readJustNow();
        r.whenDue();
        assertThat(reads).as("within the interval").hasValue(0);
        clock.advance(Duration.ofSeconds(1));
        r.whenDue();
        r.whenDue();
        assertThat(reads).hasValue(1);
    }

    /** 50,000 host files: a read of 300 ms waits 3 s for the next, so the watch keeps to a tenth of a core. */
    @Test
    void aSlowReadIsSpacedOutByTenTimesItsDuration() {
        IntervalReload r = new IntervalReload(clock, Duration.ofSeconds(1), () -> {
            reads.incrementAndGet();
            clock.advance(Duration.ofMillis(300));
        });
        r.whenDue();
        clock.advance(Duration.ofMillis(2_999));
        r.whenDue();
        assertThat(reads).as("not yet: 3 s after the last read ended").hasValue(1);
        clock.advance(Duration.ofMillis(1));
        r.whenDue();
        assertThat(reads).hasValue(2);
    }

    @Test
    void zeroReadsWheneverAskedHoweverLongItTook() {
        IntervalReload r = new IntervalReload(clock, Duration.ZERO, () -> {
            reads.incrementAndGet();
            clock.advance(Duration.ofMillis(300));
        });
        r.whenDue();
        r.whenDue();
        assertThat(reads).hasValue(2);
    }
}
