package org.bootproxy.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardedEventsTest {

    private static final BootEvent EVENT = new BootEvent(Instant.EPOCH, "52:54:00:aa:00:01", "192.0.2.10", "ipxe",
            "ipxe/kickstart", "200", Map.of());

    @Test
    void aFailingSinkIsReportedAndDoesNotThrow() {
        List<RuntimeException> reported = new ArrayList<>();
        BootEvents guarded = GuardedEvents.around(e -> {
            throw new IllegalStateException("timeline full");
        }, reported::add);

        guarded.record(EVENT);

        assertThat(reported).singleElement().extracting(Throwable::getMessage).isEqualTo("timeline full");
    }

    @Test
    void aFailingReporterIsDroppedToo() {
        BootEvents guarded = GuardedEvents.around(e -> {
            throw new IllegalStateException("sink");
        }, e -> {
            throw new IllegalStateException("logger");
        });
        guarded.record(EVENT); // no exception: the boot goes on
        assertThat(guarded).isInstanceOf(GuardedEvents.class);
    }

    @Test
    void eventsReachAWorkingSink() {
        List<BootEvent> seen = new ArrayList<>();
        GuardedEvents.around(seen::add, GuardedEvents.IGNORE).record(EVENT);
        assertThat(seen).containsExactly(EVENT);
    }

    @Test
    void guardingTwiceKeepsTheFirstGuardAndItsReporting() {
        List<RuntimeException> reported = new ArrayList<>();
        BootEvents once = GuardedEvents.around(e -> {
            throw new IllegalStateException("x");
        }, reported::add);
        BootEvents twice = GuardedEvents.around(once, GuardedEvents.IGNORE);
        assertThat(twice).isSameAs(once);
        twice.record(EVENT);
        assertThat(reported).hasSize(1);
    }
}
