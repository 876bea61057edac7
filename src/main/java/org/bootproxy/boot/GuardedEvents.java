package org.bootproxy.boot;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A {@link BootEvents} sink that never throws: the timeline, the metrics or any other sink failing must
 * never break a boot. A failure goes to {@code onFailure} (the caller logs it) and the boot goes on.
 *
 * @param sink      where events go
 * @param onFailure told about each failure of the sink; its own failures are dropped
 */
public record GuardedEvents(BootEvents sink, Consumer<RuntimeException> onFailure) implements BootEvents {

    /** Drops failures silently: for callers with nowhere to report them. */
    public static final Consumer<RuntimeException> IGNORE = e -> { };

    public GuardedEvents {
        Objects.requireNonNull(sink, "sink");
        Objects.requireNonNull(onFailure, "onFailure");
    }

    /** {@code sink} guarded; a sink that is guarded already is returned as it is (its reporting kept). */
    public static BootEvents around(BootEvents sink, Consumer<RuntimeException> onFailure) {
        return sink instanceof GuardedEvents ? sink : new GuardedEvents(sink, onFailure);
    }

    @Override
    public void record(BootEvent event) {
        try {
            sink.record(event);
        } catch (RuntimeException e) {
            try {
                onFailure.accept(e);
            } catch (RuntimeException ignored) {
                // reporting the failure failed too: the boot still goes on
            }
        }
    }
}
