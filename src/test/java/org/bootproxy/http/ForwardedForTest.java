package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client address as Foreman computes {@code request.remote_ip}, from Rails' source:
 * rails/rails {@code actionpack/lib/action_dispatch/middleware/remote_ip.rb} ({@code GetIp#calculate_ip}: the
 * {@code X-Forwarded-For} entries reversed, trusted proxies skipped, the first one left wins, "if every single IP
 * option is in the trusted list, return the IP that's furthest away"; {@code sanitize_ips}: entries
 * {@code IPAddr.new} cannot read, and networks wider than one address, are dropped) and Rack's
 * {@code lib/rack/request.rb} ({@code forwarded_for}: entries split on commas and spaces, {@code wrap_ipv6} and
 * {@code split_authority} take ports and brackets off). Foreman looks the host up by that address
 * (theforeman/foreman {@code app/services/foreman/unattended_installation/host_finder.rb}).
 */
class ForwardedForTest {
    private static final String PROXY = "127.0.0.1";
    private final ForwardedFor rule = new ForwardedFor(List.of(Cidr.parse("127.0.0.0/8"), Cidr.parse("::1"),
            Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/8")));

    private String client(String peer, String... headers) {
        return rule.clientIp(peer, () -> List.of(headers));
    }

    // ------------------------------------------------------------------ chains of 1 to 4 addresses

    @Test
    void oneAddressFromATrustedProxyIsTheClient() {
        assertThat(client(PROXY, "192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void twoAddressesTheRightMostUntrustedOneIsTheClient() {
        assertThat(client(PROXY, "192.0.2.77, 192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(client(PROXY, "192.0.2.7, 10.1.1.1")).isEqualTo("192.0.2.7");
    }

    @Test
    void threeAddressesTrustedHopsAreSkippedFromTheRight() {
        assertThat(client(PROXY, "192.0.2.77, 192.0.2.7, 10.1.1.1")).isEqualTo("192.0.2.7");
        assertThat(client(PROXY, "192.0.2.7, 10.2.2.2, 10.1.1.1")).isEqualTo("192.0.2.7");
    }

    @Test
    void fourAddressesTheFirstUntrustedFromTheRightWinsEvenWithTrustedOnesLeftOfIt() {
        assertThat(client(PROXY, "10.9.9.9, 192.0.2.77, 192.0.2.7, 10.1.1.1")).isEqualTo("192.0.2.7");
        assertThat(client(PROXY, "192.0.2.77, 192.0.2.7, 10.2.2.2, 10.1.1.1")).isEqualTo("192.0.2.7");
    }

    @Test
    void whenEveryHopIsTrustedTheFarthestOneIsTheClient() {
        assertThat(client(PROXY, "10.3.3.3, 10.2.2.2, 10.1.1.1")).isEqualTo("10.3.3.3");
    }

    @Test
    void severalHeadersAreOneListAndSpacesSeparateToo() {
        assertThat(client(PROXY, "192.0.2.77", "192.0.2.7 10.1.1.1")).isEqualTo("192.0.2.7");
    }

    // ------------------------------------------------------------------ the spoofing case of issue 10

    @Test
    void aClientCannotNameAnotherHostLeftOfWhatTheTrustedProxyAppended() {
        // curl -H 'X-Forwarded-For: 192.0.2.77, 10.9.9.9' through a proxy: the proxy's view (the right-most) wins
        ForwardedFor strict = new ForwardedFor(List.of(Cidr.parse("127.0.0.0/8")));
        assertThat(strict.clientIp(PROXY, () -> List.of("192.0.2.77, 10.9.9.9"))).isEqualTo("10.9.9.9");
    }

    @Test
    void theHeaderOfAPeerThatIsNoTrustedProxyIsNotReadAtAll() {
        // stricter than Rails, which reads it from anyone ("IF YOU DON'T USE A PROXY, THIS MAKES YOU VULNERABLE")
        assertThat(client("192.0.2.50", "192.0.2.77")).isEqualTo("192.0.2.50");
        assertThat(client("192.0.2.50")).isEqualTo("192.0.2.50");
        assertThat(rule.clientIp("192.0.2.50", () -> {
            throw new AssertionError("the header of an untrusted peer was read");
        })).isEqualTo("192.0.2.50");
        assertThat(new ForwardedFor(List.of()).clientIp(PROXY, () -> {
            throw new AssertionError("the header was read with no trusted proxies");
        })).isEqualTo(PROXY);
    }

    @Test
    void noHeaderFromATrustedProxyLeavesTheProxyAsTheClient() {
        assertThat(client(PROXY)).isEqualTo(PROXY);
        assertThat(client(PROXY, "")).isEqualTo(PROXY);
    }

    // ------------------------------------------------------------------ IPv6

    @Test
    void ipv6EntriesBareBracketedAndWithPortsAreRead() {
        assertThat(client(PROXY, "2001:db8::77, 2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(client(PROXY, "[2001:db8::7]")).isEqualTo("2001:db8::7");
        assertThat(client(PROXY, "[2001:db8::7]:4711, [fd00::1]:80")).isEqualTo("2001:db8::7");
        assertThat(client("::1", "2001:DB8:0:0:0:0:0:7")).isEqualTo("2001:db8::7");
    }

    @Test
    void ipv4WithAPortIsTheAddress() {
        assertThat(client(PROXY, "192.0.2.7:4711")).isEqualTo("192.0.2.7");
    }

    @Test
    void ipv6TrustedProxiesAreSkipped() {
        assertThat(client("fd00::5", "192.0.2.7, fd00::9, ::1")).isEqualTo("192.0.2.7");
    }

    // ------------------------------------------------------------------ malformed entries
    // The rule, stricter than Rails' sanitize_ips (which drops such entries and walks on): an entry that is
    // not an address ends the walk, and the last trusted hop walked is the client, so nothing the client wrote
    // left of it is believed.

    @Test
    void anEntryThatIsNotAnAddressEndsTheWalkAtTheLastTrustedHop() {
        assertThat(client(PROXY, "192.0.2.7, unknown")).isEqualTo(PROXY);
        assertThat(client(PROXY, "192.0.2.7, foreman.example.com, 10.1.1.1")).isEqualTo("10.1.1.1");
        assertThat(client(PROXY, "192.0.2.7, 300.1.1.1")).isEqualTo(PROXY);
    }

    @Test
    void aProxyThatCouldNotNameItsClientNeverLetsTheClientsOwnEntryThrough() {
        // nginx writes "unknown" for a client it cannot name; 192.0.2.77 was sent by the client itself
        assertThat(client(PROXY, "192.0.2.77, unknown, 10.9.9.9")).isEqualTo("10.9.9.9");
    }

    @Test
    void emptyEntriesAreSeparatorsNotMalformedEntries() {
        assertThat(client(PROXY, "192.0.2.7,,, ,")).isEqualTo("192.0.2.7");
    }

    @Test
    void aMalformedEntryIsNeverTheClient() {
        assertThat(client(PROXY, "garbage")).isEqualTo(PROXY);
        assertThat(client(PROXY, "[2001:db8::7")).isEqualTo(PROXY);
        assertThat(client(PROXY, "2001:db8::zz")).isEqualTo(PROXY);
    }

    @Test
    void aNetworkEndsTheWalkButASingleAddressPrefixIsTheAddress() {
        assertThat(client(PROXY, "192.0.2.7, 192.0.2.0/24")).isEqualTo(PROXY);
        assertThat(client(PROXY, "192.0.2.7/32")).isEqualTo("192.0.2.7");
    }

    @Test
    void aMalformedEntryStopsTheWalkEvenBetweenTrustedNeighbours() {
        assertThat(client(PROXY, "192.0.2.7, garbage, 10.1.1.1")).isEqualTo("10.1.1.1");
    }
}
