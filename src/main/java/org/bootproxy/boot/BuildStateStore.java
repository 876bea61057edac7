package org.bootproxy.boot;

import java.util.Optional;

/**
 * Port: durable record of built/failed per host, so a restart does not reinstall a finished host.
 * A record only applies to the host revision it was made for: when the definition changes upstream
 * (build re-enabled in Foreman, host file edited), the host is in build again.
 */
public interface BuildStateStore {
    Optional<BuildState> get(String hostName);

    /**
     * Records {@code state} durably before returning.
     *
     * @throws StateNotRecorded when it cannot (disk full, read-only)
     */
    void put(BuildState state);

    /**
     * Forgets the host's record, so it installs again ({@code bootproxy rebuild}).
     *
     * @return the record removed, empty when there was none
     */
    Optional<BuildState> remove(String hostName);
}
