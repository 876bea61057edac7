package org.bootproxy.boot;

import java.util.List;
import java.util.Optional;

/**
 * Port: where host definitions come from (files in git, Foreman, a CMDB).
 * Implementations throw {@link UpstreamUnavailable} when they cannot answer (timeout, 5xx, bad data);
 * an empty Optional means "definitely not known".
 */
public interface HostInventory {

    /** The host with this MAC on any of its interfaces. */
    Optional<Host> findByMac(MacAddress mac);

    /** The host whose build token this is; backends that cannot search by token return empty. */
    default Optional<Host> findByToken(String token) {
        return Optional.empty();
    }

    /** The host with this IP on any interface; backends that cannot search by IP return empty. */
    default Optional<Host> findByIp(String ip) {
        return Optional.empty();
    }

    /** Every host this backend can list (for {@code lint}); upstream backends may return none. */
    default List<Host> all() {
        return List.of();
    }

    /** Tells upstream the host finished installing (Foreman: leaves build mode). */
    default void reportBuilt(Host host) {
    }

    /** Tells upstream the installation failed, with the installer's report. */
    default void reportFailed(Host host, String report) {
    }

    /**
     * What is wrong with the host definitions now (a broken host file or group, a value two files claim), one
     * line each naming the file and line; for a readiness view and {@code lint}. Upstream backends have none:
     * their failures are lookups that fail.
     */
    default List<String> currentProblems() {
        return List.of();
    }

    /** One line naming the backend for start-up messages, e.g. "files in ./hosts (3 hosts)". */
    String describe();
}
