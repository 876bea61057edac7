package org.bootproxy.fakes;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;

/**
 * Answers like {@link FixedInventory}, but a MAC lookup waits until the test opens the gate: a slow
 * upstream, without timing anything. {@link #entered} opens once a lookup is waiting.
 */
public final class SlowInventory extends FixedInventory {
    public final CountDownLatch entered = new CountDownLatch(1);
    public final CountDownLatch gate = new CountDownLatch(1);
    /** Lookups waiting at the gate now. */
    public final AtomicInteger waiting = new AtomicInteger();

    public SlowInventory(Host... hosts) {
        super(hosts);
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        entered.countDown();
        waiting.incrementAndGet();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.decrementAndGet();
        }
        return super.findByMac(mac);
    }
}
