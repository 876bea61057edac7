package org.bootproxy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule for the guessed public URL, whatever order the machine lists its interfaces in. */
class PublicUrlGuessTest {
    private static final HostPort WILDCARD = new HostPort("0.0.0.0", 8000);

    @Test
    void theInterfaceOfTheDefaultRouteWinsAndTheWarningNamesItAndTheOthers() {
        var eth1 = new PublicUrlGuess.Candidate("eth1", "198.51.100.7", false);
        var eth0 = new PublicUrlGuess.Candidate("eth0", "192.0.2.5", true);
        PublicUrlGuess g = PublicUrlGuess.of(WILDCARD, List.of(eth1, eth0));
        assertThat(g.url().toString()).isEqualTo("http://192.0.2.5:8000");
        assertThat(g.description()).isEqualTo("guessed from interface eth0 (192.0.2.5, the interface of the default route);"
                + " other addresses: eth1 198.51.100.7");
        assertThat(PublicUrlGuess.of(WILDCARD, List.of(eth0, eth1))).as("listing order does not matter").isEqualTo(g);
    }

    @Test
    void withoutADefaultRouteTheFirstInterfaceByNameWins() {
        var b = new PublicUrlGuess.Candidate("enp2s0", "192.0.2.9", false);
        var a = new PublicUrlGuess.Candidate("enp1s0", "198.51.100.9", false);
        PublicUrlGuess g = PublicUrlGuess.of(WILDCARD, List.of(b, a));
        assertThat(g.url().toString()).isEqualTo("http://198.51.100.9:8000");
        assertThat(g.description()).contains("interface enp1s0").contains("none holds a default route");
    }

    @Test
    void aConcreteHttpAddressIsTheUrlAndNoInterfaceAtAllIsLoopbackSaidPlainly() {
        assertThat(PublicUrlGuess.of(new HostPort("192.0.2.1", 8000), List.of()).url().toString()).isEqualTo("http://192.0.2.1:8000");
        assertThat(PublicUrlGuess.of(WILDCARD, List.of()).description()).contains("only this machine can reach 127.0.0.1");
    }

    @Test
    void theDefaultRouteIsReadFromLinuxsRoutingTable(@TempDir Path tmp) throws Exception {
        Path routes = Files.writeString(tmp.resolve("route"), """
                Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT
                eth1	0002A8C0	00000000	0001	0	0	0	00FFFFFF	0	0	0
                eth0	00000000	010200C0	0003	0	0	0	00000000	0	0	0
                """);
        assertThat(PublicUrlGuess.defaultRouteInterface(routes)).contains("eth0");
        assertThat(PublicUrlGuess.defaultRouteInterface(tmp.resolve("missing"))).isEmpty();
    }

    @Test
    void nextServerIsNeverTheWildcard() {
        BootproxyConfig s = BootproxyConfigTest.resolve("template_url: http://192.0.2.1:8000\n", Overrides.NONE);
        assertThat(s.tftpAddress().isWildcard()).isTrue();
        assertThat(s.nextServer()).isEqualTo("192.0.2.1");
        assertThat(BootproxyConfigTest.resolve("tftp_address: 192.0.2.2:69\n", Overrides.NONE).nextServer()).isEqualTo("192.0.2.2");
    }
}
