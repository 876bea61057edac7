package org.bootproxy.http;

import java.net.InetAddress;
import java.util.Objects;
import org.bootproxy.support.IpLiteral;

/**
 * An IPv4 or IPv6 network in CIDR notation, e.g. {@code 10.0.0.0/8} or {@code fd00::/8}. A bare address
 * is a network of one ({@code /32} or {@code /128}). Host bits are cleared, so {@code 10.1.2.3/8} is
 * {@code 10.0.0.0/8}.
 *
 * @param network      the first address of the network
 * @param prefixLength leading bits that must match: 0..32 for IPv4, 0..128 for IPv6
 */
public record Cidr(InetAddress network, int prefixLength) {

    public Cidr {
        Objects.requireNonNull(network, "network");
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length /" + prefixLength + " does not fit "
                    + network.getHostAddress() + " (0 to " + bits + ")");
        }
        network = masked(network, prefixLength);
    }

    /** Parses {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code ::1}, {@code 2001:db8::/32}; host names are refused. */
    public static Cidr parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("trusted proxy entry is empty (expected a network such as 10.0.0.0/8)");
        }
        String t = text.trim();
        int slash = t.indexOf('/');
        String addressPart = slash < 0 ? t : t.substring(0, slash);
        InetAddress address = IpLiteral.parse(addressPart).orElseThrow(() -> new IllegalArgumentException(
                "not an IP network: '" + text + "' (expected an address or CIDR such as 10.0.0.0/8 or fd00::/8)"));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (!p.matches("\\d{1,3}")) {
                throw new IllegalArgumentException("not an IP network: '" + text + "' (prefix length must be a number)");
            }
            prefix = Integer.parseInt(p);
        }
        return new Cidr(address, prefix);
    }

    /** True when {@code address} (a literal; anything else is never contained) is inside this network. */
    public boolean contains(String address) {
        return IpLiteral.parse(address).map(this::contains).orElse(false);
    }

    public boolean contains(InetAddress address) {
        if (address == null || address.getAddress().length != network.getAddress().length) {
            return false;
        }
        return masked(address, prefixLength).equals(network);
    }

    private static InetAddress masked(InetAddress address, int prefix) {
        byte[] b = address.getAddress();
        for (int i = 0; i < b.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            b[i] = (byte) (b[i] & (0xff << (8 - keep)));
        }
        try {
            return InetAddress.getByAddress(b);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("address of length " + b.length, e);
        }
    }

    @Override
    public String toString() {
        return IpLiteral.format(network) + "/" + prefixLength;
    }
}
