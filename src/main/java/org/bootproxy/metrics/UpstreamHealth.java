package org.bootproxy.metrics;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** The upstream inventory's state by its calls: up since the first call that answered, down since the first that failed. */
public final class UpstreamHealth {

    /**
     * @param up       whether the last call answered
     * @param since    when the current state began
     * @param lastError the last failure ("" when up)
     */
    public record State(boolean up, Instant since, String lastError) {
    }

    private final Clock clock = Clock.systemUTC();
    private State state;

    synchronized void call(Optional<String> failure) {
        boolean up = failure.isEmpty();
        if (state == null || state.up() != up) {
            state = new State(up, clock.instant(), failure.orElse(""));
        } else if (!up) {
            state = new State(false, state.since(), failure.get());
        }
    }

    synchronized Optional<State> state() {
        return Optional.ofNullable(state);
    }
}
