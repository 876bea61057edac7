package org.bootproxy.smartproxy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bootproxy.support.OneLine;
import org.bootproxy.support.SingleFlight;

/**
 * The name of a plain-HTTP client, as smart-proxy's {@code remote_fqdn} finds it for {@code trusted_hosts}: the
 * reverse record of its address, then (with {@code forward_verify}, the default) the name must resolve back to that
 * address, so that whoever answers reverse DNS for an address cannot simply claim Foreman's name. Unlike smart-proxy,
 * answers are kept for {@code ttl} (a refusal too, so a stranger cannot make every request wait for DNS), and
 * concurrent questions about one address share one lookup.
 */
final class ClientNames {

    /**
     * What is known about an address.
     *
     * @param name    its confirmed name, lower case
     * @param refusal why it has none, in smart-proxy's words ("" when it has one)
     */
    record Verdict(Optional<String> name, String refusal) {
        static Verdict named(String name) {
            return new Verdict(Optional.of(name.toLowerCase(Locale.ROOT)), "");
        }

        static Verdict refused(String why) {
            return new Verdict(Optional.empty(), why);
        }
    }

    private record Kept(Verdict verdict, Instant until) {
    }

    private final NameResolver resolver;
    private final boolean forwardVerify;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final SingleFlight<String, Verdict> lookups = new SingleFlight<>();

    ClientNames(NameResolver resolver, boolean forwardVerify, Duration ttl, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.forwardVerify = forwardVerify;
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The verdict on {@code address}, from memory when it was looked up less than {@code ttl} ago. */
    Verdict of(InetAddress address) {
        String key = address.getHostAddress();
        Kept k = kept.get(key);
        Instant now = clock.instant();
        if (k != null && now.isBefore(k.until())) {
            return k.verdict();
        }
        return lookups.run(key, () -> lookUp(address)).value();
    }

    private Verdict lookUp(InetAddress address) {
        String ip = address.getHostAddress();
        Verdict v;
        try {
            v = verdict(address, ip);
        } catch (IOException e) {
            // the resolver could not be asked: not remembered, the next request asks again
            return Verdict.refused("unable to resolve hostname for ip address " + ip + ": "
                    + OneLine.of(String.valueOf(e.getMessage()), 200));
        }
        kept.put(ip, new Kept(v, clock.instant().plus(ttl)));
        if (kept.size() > 10_000) {
            Instant now = clock.instant();
            kept.values().removeIf(e -> !now.isBefore(e.until()));
        }
        return v;
    }

    private Verdict verdict(InetAddress address, String ip) throws IOException {
        Optional<String> name = resolver.nameOf(address);
        if (name.isEmpty()) {
            return Verdict.refused("unable to resolve hostname for ip address " + ip);
        }
        String fqdn = name.get().endsWith(".") ? name.get().substring(0, name.get().length() - 1) : name.get();
        if (!forwardVerify) {
            return Verdict.named(fqdn);
        }
        List<InetAddress> forward = resolver.addressesOf(fqdn);
        if (forward.isEmpty()) {
            return Verdict.refused("could not forward verify the remote hostname - " + fqdn + " (" + ip + ")");
        }
        if (!forward.contains(address)) {
            return Verdict.refused("untrusted client has no matching forward DNS lookup - " + fqdn + " (" + ip + ")");
        }
        return Verdict.named(fqdn);
    }
}
