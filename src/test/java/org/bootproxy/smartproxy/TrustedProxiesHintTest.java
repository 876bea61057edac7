package org.bootproxy.smartproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.bootproxy.fakes.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * When to tell the operator to add bootproxy to Foreman's trusted proxies. Foreman finds a client that names no MAC
 * and no token by {@code request.remote_ip} (theforeman/foreman
 * {@code app/services/foreman/unattended_installation/host_finder.rb}), which believes X-Forwarded-For only from
 * {@code config.action_dispatch.trusted_proxies} (Foreman's {@code config/application.rb}; rails/rails
 * {@code actionpack/lib/action_dispatch/middleware/remote_ip.rb}), and answers 404 with HostVerifier's "unattended:
 * unable to find a host that matches the request from %{addr}", addr being the request's REMOTE_ADDR
 * ({@code host_verifier.rb}, {@code unattended_controller.rb}), here bootproxy; for iPXE inside
 * {@code #!ipxe echo …} ({@code app/services/foreman/ipxe/message_renderer.rb}).
 */
class TrustedProxiesHintTest {
    final MutableClock clock = new MutableClock();
    final TrustedProxiesHint hint = new TrustedProxiesHint("https://foreman.example.com", clock, Duration.ofMinutes(10));

    static byte[] body(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aClientFoundByAddressOnlyThatForemanCannotFindGetsTheFixNamingBootproxysAddress() {
        assertThat(hint.advice("192.0.2.50", true, 404,
                body("unattended: unable to find a host that matches the request from 192.0.2.1. Search paths: ip\n")))
                .hasValueSatisfying(line -> assertThat(line).contains("foreman-installer --foreman-trusted-proxies 192.0.2.1")
                        .contains("found no host for 192.0.2.50").contains("127.0.0.1/8"));
    }

    @Test
    void foremansIpxeMessageCountsToo() {
        assertThat(hint.advice("192.0.2.50", true, 404, body("#!ipxe\necho unattended: unable to find a host that matches"
                + " the request from 2001:db8::1\nshell\n"))).hasValueSatisfying(l -> assertThat(l).contains("proxies 2001:db8::1"));
    }

    @Test
    void nothingToSayWhenForemanLookedTheClientUpOtherwiseOrFoundIt() {
        byte[] notFound = body("unattended: unable to find a host that matches the request from 192.0.2.1\n");
        assertThat(hint.advice("192.0.2.50", false, 404, notFound)).as("by MAC or token: the address played no part").isEmpty();
        assertThat(hint.advice("192.0.2.50", true, 200, body("# kickstart"))).isEmpty();
        assertThat(hint.advice("192.0.2.1", true, 404, notFound)).as("Foreman searched the client's own address").isEmpty();
        assertThat(hint.advice("192.0.2.50", true, 404, body("unable to find provision template for web01"))).isEmpty();
    }

    @Test
    void saidOnceEveryTenMinutesNotOncePerRequest() {
        byte[] notFound = body("unattended: unable to find a host that matches the request from 192.0.2.1\n");
        assertThat(hint.advice("192.0.2.50", true, 404, notFound)).isPresent();
        assertThat(hint.advice("192.0.2.51", true, 404, notFound)).isEmpty();
        clock.advance(Duration.ofMinutes(11));
        assertThat(hint.advice("192.0.2.52", true, 404, notFound)).isPresent();
    }
}
