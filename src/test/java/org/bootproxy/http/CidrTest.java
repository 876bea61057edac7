package org.bootproxy.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void ipv4NetworkContainsItsAddressesOnly() {
        Cidr net = Cidr.parse("10.20.0.0/16");
        assertThat(net.contains("10.20.0.1")).isTrue();
        assertThat(net.contains("10.20.255.255")).isTrue();
        assertThat(net.contains("10.21.0.1")).isFalse();
        assertThat(net.contains("2001:db8::1")).isFalse();
    }

    @Test
    void prefixThatIsNotAByteBoundaryMatchesExactly() {
        Cidr net = Cidr.parse("192.0.2.64/26");
        assertThat(net.contains("192.0.2.64")).isTrue();
        assertThat(net.contains("192.0.2.127")).isTrue();
        assertThat(net.contains("192.0.2.63")).isFalse();
        assertThat(net.contains("192.0.2.128")).isFalse();
    }

    @Test
    void bareAddressIsANetworkOfOne() {
        assertThat(Cidr.parse("192.0.2.7").contains("192.0.2.7")).isTrue();
        assertThat(Cidr.parse("192.0.2.7").contains("192.0.2.8")).isFalse();
        assertThat(Cidr.parse("::1").contains("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(Cidr.parse("::1").toString()).endsWith("/128");
    }

    @Test
    void ipv6NetworkContainsItsAddresses() {
        Cidr net = Cidr.parse("fd00:1234::/32");
        assertThat(net.contains("fd00:1234:ffff::9")).isTrue();
        assertThat(net.contains("[fd00:1234::1]")).isTrue();
        assertThat(net.contains("fd00:1235::1")).isFalse();
        assertThat(net.contains("10.0.0.1")).isFalse();
    }

    @Test
    void ipv4MappedIpv6AddressCountsAsIpv4() {
        assertThat(Cidr.parse("127.0.0.0/8").contains("::ffff:127.0.0.1")).isTrue();
    }

    @Test
    void hostBitsAreCleared() {
        assertThat(Cidr.parse("10.1.2.3/8")).isEqualTo(Cidr.parse("10.0.0.0/8"));
        assertThat(Cidr.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void zeroPrefixContainsEverythingOfItsFamily() {
        assertThat(Cidr.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        assertThat(Cidr.parse("::/0").contains("2001:db8::1")).isTrue();
    }

    @Test
    void namesAndNonsenseAreRefusedWithoutALookup() {
        assertThatThrownBy(() -> Cidr.parse("proxy.example.com")).hasMessageContaining("not an IP network");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/33")).hasMessageContaining("/33");
        assertThatThrownBy(() -> Cidr.parse("::/129")).hasMessageContaining("/129");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.256")).hasMessageContaining("not an IP network");
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/x")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> Cidr.parse(" ")).hasMessageContaining("empty");
        assertThat(Cidr.parse("10.0.0.0/8").contains("localhost")).isFalse();
        assertThat(Cidr.parse("10.0.0.0/8").contains((String) null)).isFalse();
    }
}
