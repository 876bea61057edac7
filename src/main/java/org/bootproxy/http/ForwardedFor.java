package org.bootproxy.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.support.IpLiteral;

/**
 * Who the client is, as Rails' {@code request.remote_ip} (ActionDispatch::RemoteIp) decides it for Foreman: the
 * {@code X-Forwarded-For} list is read from the right, every trusted proxy is skipped, and the first address that
 * is not one is the client. Each proxy appends the address it was called from, so the right-most untrusted entry
 * is the last one a trusted proxy wrote; everything to its left came from the client and may be made up.
 *
 * <p>As in Rails (and Rack underneath it): several headers count as one list; entries are separated by commas or
 * spaces; a port and IPv6 brackets are dropped ({@code 192.0.2.7:4711}, {@code [2001:db8::7]:4711}); when every
 * entry is a trusted proxy, the left-most one (the farthest hop) is the client.
 *
 * <p>Unlike Rails, in two ways, both so that a client cannot choose whose kickstart it gets:
 * <ul>
 * <li>the header is read only when the socket's peer is itself a trusted proxy (Rails believes it from anyone);
 * <li>an entry that is not an address (a name, {@code unknown}, a network such as {@code 192.0.2.0/24}) ends the
 *     walk, and the last trusted hop walked is the client. Rails' {@code sanitize_ips} drops such an entry and
 *     walks on, so behind a proxy that wrote {@code unknown} for a client it could not name, the address the
 *     client itself put left of it would be believed.
 * </ul>
 */
final class ForwardedFor {
    /** {@code [v6]} or {@code [v6]:port}. */
    private static final Pattern BRACKETED = Pattern.compile("\\[([^\\[\\]]*)\\](?::\\d+)?");
    /** {@code host:port} where host has no colon (IPv4 or a name). */
    private static final Pattern WITH_PORT = Pattern.compile("([^:\\[\\]]+):\\d+");

    private final List<Cidr> trustedProxies;

    ForwardedFor(List<Cidr> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /**
     * @param peer    the socket's remote address
     * @param headers every {@code X-Forwarded-For} header of the request, in order: asked for only when the peer is
     *                a trusted proxy
     * @return the client's address, canonical ({@code ::1}, {@code 192.0.2.7})
     */
    String clientIp(String peer, Supplier<List<String>> headers) {
        String remote = IpLiteral.canonical(peer);
        if (trustedProxies.isEmpty() || !IpLiteral.parse(remote).map(this::trusted).orElse(false)) {
            return remote;
        }
        List<String> forwarded = headers.get();
        if (forwarded.isEmpty()) {
            return remote; // a trusted proxy that forwarded no one (or a local client): the peer, as below
        }
        List<Optional<InetAddress>> hops = entries(forwarded);
        String lastTrusted = remote;
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (hops.get(i).isEmpty()) {
                return lastTrusted; // not an address: nothing left of it can be believed
            }
            InetAddress hop = hops.get(i).get();
            if (!trusted(hop)) {
                return IpLiteral.format(hop);
            }
            lastTrusted = IpLiteral.format(hop);
        }
        // every hop is a trusted proxy: the farthest one, as Rails answers
        return lastTrusted;
    }

    private boolean trusted(InetAddress address) {
        for (Cidr c : trustedProxies) { // asked on every request from a trusted peer: no stream
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** The entries the headers list, left to right: an address, or empty for an entry that is not one. */
    static List<Optional<InetAddress>> entries(List<String> headers) {
        List<Optional<InetAddress>> out = new ArrayList<>();
        for (String header : headers) {
            if (header == null) {
                continue;
            }
            for (String entry : header.trim().split("[,\\s]+")) {
                if (!entry.isEmpty()) {
                    out.add(address(entry));
                }
            }
        }
        return out;
    }

    /** One entry as Rack's {@code forwarded_for} and Rails' {@code sanitize_ips} read it. */
    static Optional<InetAddress> address(String entry) {
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        String host = entry;
        Matcher m;
        if (!entry.startsWith("[") && entry.chars().filter(c -> c == ':').count() > 1) {
            host = entry; // a bare IPv6 address (Rack brackets it, then takes it out again)
        } else if ((m = BRACKETED.matcher(entry)).matches() || (m = WITH_PORT.matcher(entry)).matches()) {
            host = m.group(1);
        }
        int slash = host.indexOf('/');
        if (slash >= 0) {
            // Rails keeps "a network" only when it is a single address (192.0.2.7/32)
            try {
                Cidr c = Cidr.parse(host);
                return c.prefixLength() == c.network().getAddress().length * 8 ? Optional.of(c.network()) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return IpLiteral.parse(host);
    }
}
