package org.bootproxy.fakes;

import java.io.IOException;
import java.util.Optional;
import org.bootproxy.boot.BuildState;
import org.bootproxy.boot.BuildStateStore;
import org.bootproxy.boot.StateNotRecorded;

/** A build state store on a full disk: nothing recorded, every write fails as the file store's does. */
public final class FullDiskBuildStates implements BuildStateStore {
    @Override
    public Optional<BuildState> get(String hostName) {
        return Optional.empty();
    }

    @Override
    public Optional<BuildState> remove(String hostName) {
        return Optional.empty();
    }

    @Override
    public void put(BuildState state) {
        throw new StateNotRecorded("cannot record the build state of " + state.hostName() + " in /var/lib/bootproxy/"
                + "build-state/" + state.hostName() + ".json (IOException: No space left on device)",
                new IOException("No space left on device"));
    }
}
