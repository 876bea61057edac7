package org.bootproxy.config;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one rule for the public URL when neither {@code template_url} nor {@code --public-url} is given, so
 * {@code serve} and {@code render} write the same URLs: {@code http://<http_address>}, and for a wildcard address
 * ({@code 0.0.0.0}) the IPv4 address of the interface that holds the default route, else of the first interface
 * by name. Never "the first the JDK lists": that order is not stable across machines or reboots.
 *
 * @param url         the URL
 * @param description which interface was picked and why, and the others, for the warning that asks to set it
 */
record PublicUrlGuess(URI url, String description) {

    /**
     * An address this machine could be reached at.
     *
     * @param defaultRoute its interface holds the IPv4 default route
     */
    record Candidate(String iface, String address, boolean defaultRoute) {
    }

    static PublicUrlGuess of(HostPort http, List<Candidate> candidates) {
        if (!http.isWildcard()) {
            return new PublicUrlGuess(URI.create("http://" + http.urlHost() + ":" + http.port()),
                    "taken from http_address " + http);
        }
        List<Candidate> sorted = candidates.stream()
                .sorted(Comparator.comparing((Candidate c) -> !c.defaultRoute()).thenComparing(Candidate::iface)
                        .thenComparing(Candidate::address))
                .toList();
        if (sorted.isEmpty()) {
            return new PublicUrlGuess(URI.create("http://127.0.0.1:" + http.port()), "no network interface has an IPv4"
                    + " address, so only this machine can reach 127.0.0.1");
        }
        Candidate pick = sorted.get(0);
        String others = sorted.stream().skip(1).map(c -> c.iface() + " " + c.address()).collect(Collectors.joining(", "));
        return new PublicUrlGuess(URI.create("http://" + pick.address() + ":" + http.port()),
                "guessed from interface " + pick.iface() + " (" + pick.address() + ", "
                        + (pick.defaultRoute() ? "the interface of the default route" : "the first interface by name:"
                        + " none holds a default route") + ")"
                        + (others.isEmpty() ? "" : "; other addresses: " + others));
    }

    /** Every up, non-loopback interface's IPv4 addresses (not link-local), and which holds the default route. */
    static List<Candidate> thisMachine() {
        Optional<String> routed = defaultRouteInterface(Path.of("/proc/net/route"));
        List<Candidate> out = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress a : Collections.list(nif.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        out.add(new Candidate(nif.getName(), a.getHostAddress(), routed.filter(nif.getName()::equals).isPresent()));
                    }
                }
            }
        } catch (SocketException e) {
            return List.of();
        }
        return out;
    }

    /** Linux's routing table: the interface of the line whose destination is 00000000. */
    static Optional<String> defaultRouteInterface(Path routes) {
        try {
            return Files.readAllLines(routes).stream().skip(1).map(l -> l.trim().split("\\s+"))
                    .filter(f -> f.length > 2 && f[1].equals("00000000")).map(f -> f[0]).findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
