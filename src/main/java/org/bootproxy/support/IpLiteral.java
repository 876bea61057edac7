package org.bootproxy.support;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Parses IP address literals only: never a DNS lookup, whatever a client puts in a header. For the HTTP side
 * (client addresses, trusted proxies) and the smart-proxy API (the address of a plain-HTTP client of trusted_hosts).
 */
public final class IpLiteral {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {
    }

    /**
     * {@code 192.0.2.7}, {@code 2001:db8::1}, {@code [::1]}, {@code fe80::1%eth0} → the address;
     * anything that is not a literal (host names included) → empty.
     */
    public static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        int zone = t.indexOf('%');
        if (zone >= 0) {
            t = t.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(t).matches();
        boolean v6 = t.indexOf(':') >= 0 && IPV6.matcher(t).matches();
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String octet : t.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            // a literal with ':' is parsed as IPv6 by the JDK and rejected, never resolved, when malformed
            return Optional.of(InetAddress.getByName(t));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /**
     * The canonical text of an address literal, as people write it in host files: IPv4 dotted
     * ({@code ::ffff:192.0.2.7} → {@code 192.0.2.7}), IPv6 in RFC 5952 short form
     * ({@code 0:0:0:0:0:0:0:1} → {@code ::1}); anything else trimmed.
     */
    public static String canonical(String text) {
        return parse(text).map(IpLiteral::format).orElse(text == null ? "" : text.trim());
    }

    public static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1; // RFC 5952 §4.2.2: a single zero group is not shortened
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
