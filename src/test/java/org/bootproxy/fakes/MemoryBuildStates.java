package org.bootproxy.fakes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.BuildStateStore;

/** Build states kept in memory; share one instance between two services to simulate a restart. */
public final class MemoryBuildStates implements BuildStateStore {
    private final Map<String, BuildState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<BuildState> get(String hostName) {
        return Optional.ofNullable(states.get(hostName));
    }

    @Override
    public void put(BuildState state) {
        states.put(state.hostName(), state);
    }

    @Override
    public Optional<BuildState> remove(String hostName) {
        return Optional.ofNullable(states.remove(hostName));
    }
}
