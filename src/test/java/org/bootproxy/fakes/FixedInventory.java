package org.bootproxy.fakes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;

/** An inventory holding exactly the hosts it was given; records what was reported upstream. */
public class FixedInventory implements HostInventory {
    private final List<Host> hosts;
    public final List<String> reports = new ArrayList<>();

    public FixedInventory(Host... hosts) {
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
        return hosts.stream().filter(h -> h.interfaces().stream().map(Nic::ip).anyMatch(ip::equals)).findFirst();
    }

    @Override
    public List<Host> all() {
        return hosts;
    }

    @Override
    public synchronized void reportBuilt(Host host) {
        reports.add("built " + host.name());
    }

    @Override
    public synchronized void reportFailed(Host host, String report) {
        reports.add("failed " + host.name());
    }

    @Override
    public String describe() {
        return "fixed (" + hosts.size() + " hosts)";
    }
}
