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
    void namesAreNeverResolved() {
        assertThat(IpLiteral.parse("localhost")).isEmpty();
        assertThat(IpLiteral.parse("example.com")).isEmpty();
        assertThat(IpLiteral.parse("1.2.3")).isEmpty();
        assertThat(IpLiteral.parse("::g")).isEmpty();
        assertThat(IpLiteral.canonical(" weird ")).isEqualTo("weird");
    }
}
