package org.bootproxy.fakes;

import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;

/** An inventory whose upstream is down: every lookup fails. */
public final class BrokenInventory implements HostInventory {
    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        throw new UpstreamUnavailable("upstream at http://cmdb.invalid answered 500");
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        throw new UpstreamUnavailable("upstream at http://cmdb.invalid answered 500");
    }

    @Override
    public Optional<Host> findByToken(String token) {
        throw new UpstreamUnavailable("upstream at http://cmdb.invalid answered 500");
    }

    @Override
    public String describe() {
        return "broken";
    }
}
