package org.bootproxy.dhcp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A segment and the addresses a DHCP server hands out in it.
 *
 * @param network the network address, e.g. 192.0.2.0
 * @param prefix  its prefix length, e.g. 24
 * @param first   first address handed out
 * @param last    last address handed out
 */
public record Ipv4Range(String network, int prefix, String first, String last) {

    public Ipv4Range {
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("subnet prefix /" + prefix + " is out of range; allowed /8../30");
        }
        long net = toLong(network);
        long mask = mask(prefix);
        if ((net & mask) != net) {
            throw new IllegalArgumentException("subnet " + network + "/" + prefix + " has host bits set; write "
                    + fromLong(net & mask) + "/" + prefix);
        }
        for (String a : new String[] {first, last}) {
            if ((toLong(a) & mask) != net) {
                throw new IllegalArgumentException("range address " + a + " is not in " + network + "/" + prefix);
            }
        }
        if (toLong(first) > toLong(last)) {
            throw new IllegalArgumentException("range " + first + "-" + last + " ends before it starts");
        }
    }

    /** {@code 192.0.2.0/24} and {@code 192.0.2.100-192.0.2.199}. */
    public static Ipv4Range parse(String cidr, String range) {
        String[] c = cidr.trim().split("/");
        if (c.length != 2 || !c[1].matches("\\d{1,2}")) {
            throw new IllegalArgumentException("subnet '" + cidr + "' is not NETWORK/PREFIX, e.g. 192.0.2.0/24");
        }
        String[] r = range.trim().split("\\s*-\\s*");
        if (r.length != 2) {
            throw new IllegalArgumentException("range '" + range + "' is not FIRST-LAST, e.g. 192.0.2.100-192.0.2.199");
        }
        return new Ipv4Range(c[0], Integer.parseInt(c[1]), r[0], r[1]);
    }

    public String netmask() {
        return fromLong(mask(prefix));
    }

    static long mask(int prefix) {
        return (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    }

    static long toLong(String address) {
        if (!BootPlan.isIpv4(address)) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 address");
        }
        try {
            long v = 0;
            for (byte b : InetAddress.getByName(address).getAddress()) {
                v = (v << 8) | (b & 0xff);
            }
            return v;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + address + "' is not an IPv4 address", e);
        }
    }

    static String fromLong(long v) {
        return ((v >> 24) & 0xff) + "." + ((v >> 16) & 0xff) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }
}
