package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpLiteralTest {

    @Test
    void ipv6IsWrittenInItsShortForm() {
        assertThat(IpLiteral.canonical("0:0:0:0:0:0:0:1")).isEqualTo("::1");
        assertThat(IpLiteral.canonical("[2001:DB8:0:0:0:0:0:5]")).isEqualTo("2001:db8::5");
        assertThat(IpLiteral.canonical("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
        assertThat(IpLiteral.canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpLiteral.canonical("fe80:0:0:0:0:0:0:0")).isEqualTo("fe80::");
        assertThat(IpLiteral.canonical("0:0:0:0:0:0:0:0")).isEqualTo("::");
        assertThat(IpLiteral.canonical("fe80::1%eth0")).isEqualTo("fe80::1");
    }

    @Test
    void ipv4StaysDottedAndMappedIpv6BecomesIpv4() {
        assertThat(IpLiteral.canonical("192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(IpLiteral.canonical("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
    }

    @Test
    void onlyTheCanonicalDottedQuadTakesTheShortCut() {
        assertThat(IpLiteral.isPlainIpv4("192.0.2.7")).isTrue();
        assertThat(IpLiteral.isPlainIpv4("0.0.0.0")).isTrue();
        assertThat(IpLiteral.isPlainIpv4("255.255.255.255")).isTrue();
        for (String other : new String[] {"256.0.0.1", "1.2.3", "1.2.3.4.5", "01.2.3.4", "1.2.3.", ".1.2.3", "1..2.3",
            "1.2.3.4 ", "1234.1.1.1", "::1", "", "a.b.c.d"}) {
            assertThat(IpLiteral.isPlainIpv4(other)).as(other).isFalse();
        }
        assertThat(IpLiteral.canonical("010.0.0.1")).as("leading zeros go the long way").isEqualTo("10.0.0.1");
    }

    @Test
    void namesAreNeverResolved() {
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("example.com")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3")).isEmpty();
        assertThat(IpLiteral.parse("::g")).isEmpty();
        assertThat(IpLiteral.canonical(" weird ")).isEqualTo("weird");
    }
}
