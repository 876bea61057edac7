package org.bootproxy.boot;

/**
 * Port: an upstream that wants to hear about each new unknown machine (Foreman Discovery, a CMDB's webhook). The
 * discovery registry announces each machine to each announcer once, retrying while the upstream cannot be reached.
 */
public interface MachineAnnouncer {

    /** A short name for logs, metrics and the record of what was announced where: {@code foreman}, {@code webhook}. */
    String target();

    /**
     * Tells the upstream about the machine.
     *
     * @throws UpstreamUnavailable when it could not be told (down, timeout, 5xx): worth trying again later
     * @throws AnnouncementRefused when it answered and refused the machine (4xx): trying again would not help
     */
    void announce(DiscoveredMachine machine);
}
