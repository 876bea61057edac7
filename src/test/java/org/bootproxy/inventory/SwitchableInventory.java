package org.bootproxy.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.UpstreamUnavailable;

/**
 * An upstream that serves a list of hosts, counts its calls, can go down (every call throws) and come
 * back, and can hold calls at a gate until the test opens it.
 */
public final class SwitchableInventory implements HostInventory {

    private volatile List<Host> hosts;
    private volatile boolean down;
    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final AtomicInteger calls = new AtomicInteger();
    final List<String> reports = new CopyOnWriteArrayList<>();

    public SwitchableInventory(List<Host> hosts) {
        this.hosts = List.copyOf(hosts);
    }

    public void serve(List<Host> newHosts) {
        this.hosts = List.copyOf(newHosts);
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** Calls wait until {@link #open()}. */
    public void closeGate() {
        gate = new CountDownLatch(1);
    }

    public void open() {
        gate.countDown();
    }

    /** Waits until a call has reached the gate. */
    public void awaitFirstCall() throws InterruptedException {
        entered.await();
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        calls.incrementAndGet();
        entered.countDown();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (down) {
            throw new UpstreamUnavailable("Foreman at https://foreman.test answered 503 Service Unavailable");
        }
        return hosts.stream().filter(h -> h.hasMac(mac)).findFirst();
    }

    @Override
    public void reportBuilt(Host host) {
        reports.add("built " + host.name());
        if (down) {
            throw new UpstreamUnavailable("Foreman at https://foreman.test: timeout after 10s");
        }
    }

    @Override
    public void reportFailed(Host host, String report) {
        reports.add("failed " + host.name() + ": " + report);
    }

    @Override
    public List<Host> all() {
        return new ArrayList<>(hosts);
    }

    @Override
    public String describe() {
        return "switchable test upstream";
    }
}
