package org.bootproxy.http;

import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;

/** Knows exactly these hosts, by any NIC's MAC, any NIC's IP, or their token. */
class FixedInventory implements HostInventory {
    private final List<Host> hosts;

    FixedInventory(Host... hosts) {
        this.hosts = List.of(hosts);
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        return hosts.stream().filter(h -> h.hasMac(mac)).findFirst();
    }

    @Override
    public Optional<Host> findByToken(String token) {
        return hosts.stream().filter(h -> !h.token().isEmpty() && h.token().equals(token)).findFirst();
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        return hosts.stream().filter(h -> h.interfaces().stream().anyMatch(n -> n.ip().equals(ip))).findFirst();
    }

    @Override
    public String describe() {
        return "fixed (" + hosts.size() + " hosts)";
    }
}
