package org.bootproxy.tftp;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many transfers each client address has running or waiting, so that one address cannot take every
 * slot: past its share a request is refused at once. Counted by address, not address and port: a flood
 * can use any number of source ports, while on a provisioning network each machine has its own address.
 * Thread-safe.
 */
final class ClientShare {

    private final int perClient;
    private final ConcurrentHashMap<InetAddress, Integer> counts = new ConcurrentHashMap<>();

    ClientShare(int perClient) {
        if (perClient < 1) {
            throw new IllegalArgumentException("share must be at least 1, not " + perClient);
        }
        this.perClient = perClient;
    }

    /** Takes one slot of {@code client}'s share; false (and nothing taken) when it is used up. */
    boolean claim(InetAddress client) {
        boolean[] claimed = {false};
        counts.compute(client, (a, n) -> {
            int used = n == null ? 0 : n;
            if (used >= perClient) {
                return n;
            }
            claimed[0] = true;
            return used + 1;
        });
        return claimed[0];
    }

    /** Gives back a slot taken by {@link #claim}. */
    void release(InetAddress client) {
        counts.computeIfPresent(client, (a, n) -> n <= 1 ? null : n - 1);
    }

    /** Slots {@code client} holds now. */
    int held(InetAddress client) {
        return counts.getOrDefault(client, 0);
    }

    int perClient() {
        return perClient;
    }
}
