package org.bootproxy.smartproxy;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * smart-proxy's {@code trusted_hosts}: who may use the management API ({@code /tftp}, {@code /v2/features}).
 * Over HTTPS the client certificate's CN must be one of {@code names}; over plain HTTP the client's address
 * must be in one of the listed networks, or the forward-confirmed name of its address one of {@code names}
 * (smart-proxy's reverse DNS check).
 *
 * @param configured false when trusted_hosts is not set: then HTTPS accepts any client certificate the CA
 *                   file vouches for, and plain HTTP nobody (smart-proxy: everybody; see docs/smart-proxy.md)
 * @param names      certificate names, lower case
 * @param addresses  tells whether a client address (an IP literal) is in a listed network
 */
public record TrustedHosts(boolean configured, Set<String> names, Predicate<String> addresses) {

    public TrustedHosts {
        names = names == null ? Set.of()
                : names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(addresses, "addresses");
    }

    /** trusted_hosts not set. */
    public static TrustedHosts notSet() {
        return new TrustedHosts(false, Set.of(), address -> false);
    }

    boolean trustsName(String certificateName) {
        return !configured || names.contains(certificateName.toLowerCase(Locale.ROOT));
    }

    boolean trustsAddress(String address) {
        return configured && addresses.test(address);
    }

    /** Whether any entry is a host name (not an address or network), so that DNS can admit a plain-HTTP client. */
    boolean hasHostNames() {
        return names.stream().anyMatch(n -> !n.contains(":") && !n.contains("/") && !n.matches("[0-9.]+"));
    }
}
