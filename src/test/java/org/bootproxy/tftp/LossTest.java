package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Transfers through a relay that drops 10 % of the packets and holds back another 10 % (reordering), both ways.
 * Needs python3, the Debian package curl, and {@code ../shared/tools/udp-impair} beside the repository (this
 * kernel has no netem). How much faster than in.tftpd this is under the same loss is measured in BENCHMARKS.md.
 */
class LossTest extends ServerHarness {

    /** shared/tools beside the clone, or beside the folder of git worktrees the clone is in. */
    static final Path UDP_IMPAIR = java.util.stream.Stream.of(Path.of("..", "shared", "tools", "udp-impair"),
            Path.of("..", "..", "shared", "tools", "udp-impair")).filter(Files::isRegularFile).findFirst()
            .orElse(Path.of("..", "shared", "tools", "udp-impair"));
    static final int SIZE = 64 * 1024;

    Process relay;
    int relayPort;
    byte[] content;

    @BeforeEach
    void startRelay() throws Exception {
        ExternalProcess.requireProgram("/usr/bin/curl", "curl");
        assertThat(UDP_IMPAIR).as("udp-impair is expected at " + UDP_IMPAIR.toAbsolutePath() + " (shared/tools beside the clone, or beside its worktrees' folder)")
                .isRegularFile();
        content = new byte[SIZE];
        new Random(7).nextBytes(content);
        Files.write(root.resolve("initrd.part"), content);
        start(TestBoot.boot(), TftpSettingsBuilder.serving(root).build());
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            relayPort = probe.getLocalPort();
        }
        relay = new ProcessBuilder("python3", UDP_IMPAIR.toString(), "--listen", "127.0.0.1:" + relayPort,
                "--server", "127.0.0.1:" + server.port(), "--loss", "0.1", "--reorder", "0.1", "--reorder-ms", "5",
                "--seed", "20240607").redirectErrorStream(true).redirectOutput(root.resolve("relay.log").toFile()).start();
        try (RawClient c = new RawClient(relayPort)) {
            assertThat(c.download("initrd.part")).as("relay up").isEqualTo(content); // the client retries until it is
        }
    }

    @AfterEach
    void stopRelay() throws Exception {
        if (relay != null) {
            relay.destroy();
            relay.waitFor();
        }
    }

    @Test
    void twentyLockStepTransfersWithCurlArriveByteExact() throws Exception {
        for (int i = 0; i < 20; i++) {
            Path out = root.resolve("curl-" + i);
            // --connect-timeout 5 makes curl ask again after 1 s when its request or our OACK is lost (default: 6 s)
            ExternalProcess p = ExternalProcess.run(root, List.of("/usr/bin/curl", "-sS", "--connect-timeout", "5",
                    "--tftp-blksize", "1468", "-o", out.toString(), "tftp://127.0.0.1:" + relayPort + "/initrd.part"));
            assertThat(p.exitCode()).as("transfer " + i + ": " + p.output()).isZero();
            assertThat(Files.readAllBytes(out)).as("transfer " + i).isEqualTo(content);
        }
    }

    @Test
    void twentyWindowedTransfersArriveByteExact() throws Exception {
        for (int i = 0; i < 20; i++) {
            try (RawClient c = new RawClient(relayPort)) {
                // a receiver that acknowledges what arrived in order whenever it sees a gap, as EDK2 does
                assertThat(c.download("initrd.part", "blksize", "1468", "windowsize", "8")).as("transfer " + i).isEqualTo(content);
            }
        }
    }
}
