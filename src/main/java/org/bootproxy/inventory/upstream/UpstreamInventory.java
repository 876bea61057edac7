package org.bootproxy.inventory.upstream;

import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;

/** An inventory that asks a remote service over HTTP, and can show what it asked and what came back. */
public interface UpstreamInventory extends HostInventory, AutoCloseable {

    /** Like {@link #findByMac(MacAddress)}, reporting every request and answer to {@code trace}. */
    Optional<Host> findByMac(MacAddress mac, HttpTrace trace);

    @Override
    default Optional<Host> findByMac(MacAddress mac) {
        return findByMac(mac, HttpTrace.NONE);
    }

    /** Releases the HTTP client. */
    @Override
    void close();
}
