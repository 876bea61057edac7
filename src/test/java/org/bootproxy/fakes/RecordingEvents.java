package org.bootproxy.fakes;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;

/** Keeps every boot event, for assertions. */
public final class RecordingEvents implements BootEvents {
    public final List<BootEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void record(BootEvent event) {
        events.add(event);
    }

    /**
     * The first event matching {@code wanted}, waiting for it up to 5 s. The per-request event is recorded
     * after the answer went out, so a test that just read the answer may have to wait a moment for it.
     */
    public BootEvent await(Predicate<BootEvent> wanted) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Optional<BootEvent> e = events.stream().filter(wanted).findFirst();
            if (e.isPresent()) {
                return e.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no such boot event among " + events);
    }

    /** The first event of {@code stage}, waiting for it like {@link #await}. */
    public BootEvent awaitStage(String stage) throws InterruptedException {
        return await(e -> e.stage().equals(stage));
    }
}
