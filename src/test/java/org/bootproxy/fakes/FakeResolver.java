package org.bootproxy.fakes;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.bootproxy.smartproxy.NameResolver;

/**
 * DNS as a test sets it up: reverse records ({@link #reverse}) and forward records ({@link #forward}), each answered
 * from a map; every question is counted ({@link #questions}), so a test sees what was cached. {@link #broken} makes
 * every question fail as an unreachable resolver does.
 */
public final class FakeResolver implements NameResolver {
    private final Map<String, String> names = new HashMap<>();
    private final Map<String, List<InetAddress>> addresses = new HashMap<>();
    public final AtomicInteger questions = new AtomicInteger();
    private volatile boolean broken;

    /** {@code address} has the reverse record {@code name}. */
    public FakeResolver reverse(String address, String name) {
        names.put(literal(address).getHostAddress(), name);
        return this;
    }

    /** {@code name} resolves to {@code addresses}. */
    public FakeResolver forward(String name, String... addresses) {
        List<InetAddress> list = new ArrayList<>();
        for (String a : addresses) {
            list.add(literal(a));
        }
        this.addresses.put(name, List.copyOf(list));
        return this;
    }

    /** From now on every question fails with an IOException. */
    public FakeResolver broken() {
        broken = true;
        return this;
    }

    @Override
    public Optional<String> nameOf(InetAddress address) throws IOException {
        ask();
        return Optional.ofNullable(names.get(address.getHostAddress()));
    }

    @Override
    public List<InetAddress> addressesOf(String name) throws IOException {
        ask();
        return addresses.getOrDefault(name, List.of());
    }

    private void ask() throws IOException {
        questions.incrementAndGet();
        if (broken) {
            throw new IOException("no DNS server answered");
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // tests give literals only: never a lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
