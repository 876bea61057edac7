package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding 7 of issue 9: 1,000 read requests in 0.1 s from one address took every transfer slot and blocked
 * TFTP for everyone for about a minute. Now one address holds at most its share and the rest of its
 * requests get an ERROR at once.
 */
class ClientShareTest extends ServerHarness {

    static final InetAddress FLOODER = InetAddress.getLoopbackAddress(); // 127.0.0.1
    static final InetAddress NEIGHBOUR = address("127.0.0.2");

    static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shareIsCountedPerAddressAndGivenBack() {
        ClientShare share = new ClientShare(2);
        assertThat(share.claim(FLOODER)).isTrue();
        assertThat(share.claim(FLOODER)).isTrue();
        assertThat(share.claim(FLOODER)).isFalse();
        assertThat(share.claim(NEIGHBOUR)).as("another address has its own share").isTrue();
        share.release(FLOODER);
        assertThat(share.held(FLOODER)).isEqualTo(1);
        assertThat(share.claim(FLOODER)).isTrue();
        share.release(FLOODER);
        share.release(FLOODER);
        assertThat(share.held(FLOODER)).isZero();
    }

    @Test
    void oneAddressOverItsShareIsRefusedAtOnceWhileOthersAreServed() throws Exception {
        // the pool is small so that, without the share, the burst fills it and its queue many times over
        start(TestBoot.boot(), givingUpQuickly().maxTransfers(100).build());
        byte[] big = file("kernel", 512 * 1024);
        byte[] loader = file("pxelinux.0", 40_000);

        List<DatagramSocket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(FLOODER, 0));
                s.setReceiveBufferSize(1 << 20);
                flood.add(s);
            }
            InetSocketAddress target = new InetSocketAddress(FLOODER, server.port());
            long burstStart = System.nanoTime();
            for (int i = 0; i < 1000; i++) { // 50 source ports, 20 different requests each: every one a new transfer
                byte[] rrq = RawClient.request(Packets.RRQ, "kernel", "octet", "blksize", Integer.toString(512 + i / 50));
                flood.get(i % 50).send(new DatagramPacket(rrq, rrq.length, target));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - burstStart)).as("the burst is a burst").isLessThan(Duration.ofSeconds(1));

            // the neighbour keeps booting while the flood is under way, and after
            long until = System.nanoTime() + Duration.ofSeconds(4).toNanos();
            int fetched = 0;
            while (System.nanoTime() < until) {
                long t0 = System.nanoTime();
                try (RawClient c = new RawClient(server.port(), NEIGHBOUR)) {
                    assertThat(c.download("pxelinux.0", "blksize", "1468")).isEqualTo(loader);
                }
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).as("transfer " + fetched + " of the neighbour")
                        .isLessThan(Duration.ofSeconds(1));
                fetched++;
            }
            assertThat(fetched).isGreaterThan(3);

            int refused = 0;
            for (DatagramSocket s : flood) {
                refused += busyErrors(s);
            }
            assertThat(refused).as("requests past the share answered with an ERROR")
                    .isGreaterThanOrEqualTo(1000 - 20 * TftpSettings.DEFAULT_MAX_TRANSFERS_PER_CLIENT);
        } finally {
            flood.forEach(DatagramSocket::close);
        }

        // the flooder's transfers run out of retries (0.2 + 0.4 + 0.8 + 1.6 s) and give their slots back
        awaitIdle();
        try (RawClient c = new RawClient(server.port(), FLOODER)) {
            assertThat(c.download("kernel", "blksize", "1468", "windowsize", "8")).isEqualTo(big);
        }
    }

    /** ERROR packets saying "too many transfers" waiting on a socket; other packets (DATA, OACK) are skipped. */
    private static int busyErrors(DatagramSocket s) throws Exception {
        s.setSoTimeout(50);
        byte[] buf = new byte[2000];
        int n = 0;
        while (true) {
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                s.receive(p);
            } catch (SocketTimeoutException e) {
                return n;
            }
            String text = new String(buf, 4, Math.max(0, p.getLength() - 5), StandardCharsets.US_ASCII);
            if (buf[1] == Packets.ERROR && text.contains("too many transfers from your address")) {
                n++;
            }
        }
    }

    private void awaitIdle() throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (server.activeTransfers() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(server.activeTransfers()).as("the flood's transfers have ended").isZero();
    }
}
