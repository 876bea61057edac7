package org.bootproxy.http;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.BuildStateStore;

/** Build states kept in a map; share one between two servers to play a restart. */
final class InMemoryBuildStates implements BuildStateStore {
    private final Map<String, BuildState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<BuildState> get(String hostName) {
        return Optional.ofNullable(states.get(hostName));
    }

    @Override
    public void put(BuildState state) {
        states.put(state.hostName(), state);
    }
}
