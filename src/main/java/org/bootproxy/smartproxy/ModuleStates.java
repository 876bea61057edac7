package org.bootproxy.smartproxy;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each module's state as {@code /v2/features} reports it, set by the composition root as modules start:
 * a module that failed to start is {@code failed} and the others keep running, as in smart-proxy.
 * Thread-safe.
 */
public final class ModuleStates {

    /** smart-proxy's plugin states. */
    public enum State {
        UNINITIALIZED, STARTING, RUNNING, DISABLED, FAILED;

        /** {@code running}, {@code failed}, … */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Feature, State> states = new EnumMap<>(Feature.class);

    /** Every module uninitialized. */
    public ModuleStates() {
        for (Feature f : Feature.values()) {
            states.put(f, State.UNINITIALIZED);
        }
    }

    public synchronized void set(Feature feature, State state) {
        states.put(feature, state);
    }

    public synchronized State get(Feature feature) {
        return states.get(feature);
    }

    public boolean running(Feature feature) {
        return get(feature) == State.RUNNING;
    }

    /** The running modules, in name order. */
    public synchronized List<Feature> running() {
        return states.entrySet().stream().filter(e -> e.getValue() == State.RUNNING).map(Map.Entry::getKey).toList();
    }
}
