package org.bootproxy.dhcp;

import java.util.Locale;

/** The DHCP servers {@code bootproxy dhcp-config} writes for, each checked in the tests by the server's own checker. */
public enum DhcpFormat {
    /** ISC dhcpd ({@code dhcpd -t -cf FILE}) */
    ISC("isc"),
    /** dnsmasq as the DHCP server ({@code dnsmasq --test -C FILE}) */
    DNSMASQ("dnsmasq"),
    /** dnsmasq as proxy DHCP beside another DHCP server that keeps handing out addresses */
    DNSMASQ_PROXY("dnsmasq-proxy"),
    /** Kea ({@code kea-dhcp4 -t FILE}) */
    KEA("kea");

    private final String name;

    DhcpFormat(String name) {
        this.name = name;
    }

    public String label() {
        return name;
    }

    public static DhcpFormat parse(String text) {
        for (DhcpFormat f : values()) {
            if (f.name.equals(text.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format '" + text + "' is not known; use isc, dnsmasq, dnsmasq-proxy or kea");
    }

    /** The configuration text for {@code plan}. */
    public String write(BootPlan plan) {
        return switch (this) {
            case ISC -> IscConfig.write(plan);
            case DNSMASQ -> DnsmasqConfig.write(plan);
            case DNSMASQ_PROXY -> DnsmasqConfig.writeProxy(plan);
            case KEA -> KeaConfig.write(plan);
        };
    }
}
