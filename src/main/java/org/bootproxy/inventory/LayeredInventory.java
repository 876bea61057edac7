package org.bootproxy.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;

/**
 * Several inventories in order, first match wins: e.g. host files in git over Foreman, so an operator can
 * pin or override a host locally. A layer that cannot answer stops the lookup (its answer might have won),
 * rather than letting a lower layer answer in its place. Build reports go to the layer that owns the host.
 */
public final class LayeredInventory implements HostInventory {

    private final List<HostInventory> layers;

    public LayeredInventory(List<HostInventory> layers) {
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a layered inventory needs at least one layer");
        }
        this.layers = List.copyOf(layers);
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        return first(l -> l.findByMac(mac));
    }

    @Override
    public Optional<Host> findByToken(String token) {
        return first(l -> l.findByToken(token));
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        return first(l -> l.findByIp(ip));
    }

    private Optional<Host> first(Function<HostInventory, Optional<Host>> ask) {
        for (HostInventory l : layers) {
            Optional<Host> h = ask.apply(l);
            if (h.isPresent()) {
                return h;
            }
        }
        return Optional.empty();
    }

    /** Every host of every layer; a host in an upper layer hides a lower one of the same name. */
    @Override
    public List<Host> all() {
        Map<String, Host> byName = new LinkedHashMap<>();
        for (HostInventory l : layers) {
            l.all().forEach(h -> byName.putIfAbsent(h.name(), h));
        }
        return new ArrayList<>(byName.values());
    }

    @Override
    public void reportBuilt(Host host) {
        owner(host).ifPresent(l -> l.reportBuilt(host));
    }

    @Override
    public void reportFailed(Host host, String report) {
        owner(host).ifPresent(l -> l.reportFailed(host, report));
    }

    /** The layer that answers for the host's provisioning MAC with a host of that name. */
    private Optional<HostInventory> owner(Host host) {
        MacAddress mac = host.provisionInterface().mac();
        for (HostInventory l : layers) {
            Optional<Host> h = l.findByMac(mac);
            if (h.isPresent()) {
                return h.get().name().equals(host.name()) ? Optional.of(l) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public List<String> currentProblems() {
        return layers.stream().flatMap(l -> l.currentProblems().stream()).toList();
    }

    @Override
    public String describe() {
        return layers.stream().map(HostInventory::describe).collect(Collectors.joining(", over "));
    }
}
