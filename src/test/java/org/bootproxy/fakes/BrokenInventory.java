package org.bootproxy.fakes;

import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;

/** Upstream is down: every question fails with {@link UpstreamUnavailable}. */
public final class BrokenInventory implements HostInventory {
    public static final String REASON = "foreman.example.com: connection refused";

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        throw new UpstreamUnavailable(REASON);
    }

    @Override
    public Optional<Host> findByToken(String token) {
        throw new UpstreamUnavailable(REASON);
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        throw new UpstreamUnavailable(REASON);
    }

    @Override
    public String describe() {
        return "broken";
    }
}
