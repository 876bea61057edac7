package org.bootproxy.fakes;

import java.util.Optional;
import java.util.function.Supplier;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;

/**
 * An inventory whose own code fails: every question throws a fresh copy of what it was given, a bug's
 * RuntimeException or an {@link Error} (out of memory, a stack overflow). Not an upstream failure: that is
 * {@link BrokenInventory}.
 */
public final class ThrowingInventory implements HostInventory {
    private final Supplier<? extends Throwable> failure;

    /** @param failure makes a RuntimeException or an Error */
    public ThrowingInventory(Supplier<? extends Throwable> failure) {
        this.failure = failure;
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac) {
        throw thrown();
    }

    @Override
    public Optional<Host> findByToken(String token) {
        throw thrown();
    }

    @Override
    public Optional<Host> findByIp(String ip) {
        throw thrown();
    }

    @Override
    public String describe() {
        return "throwing";
    }

    private RuntimeException thrown() {
        Throwable t = failure.get();
        if (t instanceof Error e) {
            throw e;
        }
        return (RuntimeException) t;
    }
}
