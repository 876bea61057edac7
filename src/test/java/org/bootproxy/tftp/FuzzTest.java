package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100 000+ random and mutated packets at the request port and at running transfers' ports; afterwards the
 * server still serves, and its threads and heap are back near where they started.
 */
class FuzzTest {

    static final int PACKETS = 110_000;

    @TempDir
    Path root;
    TftpServer server;

    /** Counts events without keeping them (the fuzz makes tens of thousands). */
    static final class CountingEvents implements BootEvents {
        final AtomicLong count = new AtomicLong();

        @Override
        public void record(BootEvent event) {
            count.incrementAndGet();
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void serverSurvivesHostilePacketsAndGivesBackItsThreadsAndMemory() throws Exception {
        byte[] loader = new byte[3000];
        new Random(1).nextBytes(loader);
        Files.write(root.resolve("pxelinux.0"), loader);
        Files.write(root.resolve("big"), new byte[200_000]);
        CountingEvents events = new CountingEvents();
        server = new TftpServer(TestBoot.boot(), events, TftpSettingsBuilder.serving(root)
                .limits(1468, 64, 64)
                .maxTransfersPerClient(64) // every fuzz packet comes from 127.0.0.1; the share has ClientShareTest
                .timers(Duration.ofMillis(50), 2, Duration.ofSeconds(2)).build());
        server.start();
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.download("pxelinux.0")).isEqualTo(loader);
        }
        long heapBefore = usedHeapAfterGc();

        Random random = new Random(20240607);
        InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
        List<DatagramSocket> sockets = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.setSoTimeout(1);
            sockets.add(s);
        }
        List<byte[]> seeds = seeds();
        byte[] reply = new byte[70_000];
        int sent = 0; // to the request port
        int toTransfers = 0;
        try {
            while (sent < PACKETS) {
                if (sent % 40 == 0) {
                    Thread.sleep(1); // pace the blast so packets reach the server instead of overflowing its socket buffer
                }
                DatagramSocket s = sockets.get(random.nextInt(sockets.size()));
                int kind = random.nextInt(10);
                byte[] b = kind < 4 ? randomBytes(random) : kind < 8 ? mutate(seeds.get(random.nextInt(seeds.size())), random)
                        : RawClient.request(Packets.RRQ, random.nextBoolean() ? "big" : "pxelinux.0", "octet", "blksize",
                                Integer.toString(8 + random.nextInt(1500)), "windowsize", Integer.toString(1 + random.nextInt(16)));
                s.send(new DatagramPacket(b, b.length, target));
                sent++;
                if (kind < 8) {
                    continue;
                }
                // into the running transfer: answer its port with garbage and odd ACKs
                DatagramPacket in = new DatagramPacket(reply, reply.length);
                try {
                    s.receive(in);
                } catch (java.net.SocketTimeoutException e) {
                    continue;
                }
                for (int i = 0; i < 4; i++) {
                    byte[] junk = random.nextBoolean() ? mutate(seeds.get(random.nextInt(seeds.size())), random)
                            : new byte[] {0, Packets.ACK, (byte) random.nextInt(256), (byte) random.nextInt(256)};
                    s.send(new DatagramPacket(junk, junk.length, in.getSocketAddress()));
                    toTransfers++;
                }
            }
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
        long expected = sent;
        awaitTrue(() -> server.requestPortPackets() >= expected - expected / 100, "the request port to read what was sent ("
                + server.requestPortPackets() + " of " + expected + ")");
        assertThat(server.requestPortPackets() + toTransfers).as("packets that reached the server").isGreaterThanOrEqualTo(100_000);

        awaitTrue(() -> server.activeTransfers() == 0, "transfers to end");
        assertThat(events.count.get()).as("the fuzz reached the server").isGreaterThan(1000);
        try (RawClient c = new RawClient(server.port())) {
            assertThat(c.download("pxelinux.0", "blksize", "1468", "tsize", "0")).isEqualTo(loader);
        }
        awaitTrue(() -> ManagementFactory.getThreadMXBean().getThreadCount() <= threadsBefore + 2, "threads back to "
                + threadsBefore + " (now " + ManagementFactory.getThreadMXBean().getThreadCount() + ")");
        assertThat(usedHeapAfterGc()).as("heap in use after GC, bytes").isLessThan(heapBefore + 48L * 1024 * 1024);
    }

    private static List<byte[]> seeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(RawClient.request(Packets.RRQ, "pxelinux.0", "octet"));
        seeds.add(RawClient.request(Packets.RRQ, "pxelinux.0", "octet", "blksize", "1468", "tsize", "0", "windowsize", "8"));
        seeds.add(RawClient.request(Packets.RRQ, "big", "netascii", "timeout", "1", "blksize", "8"));
        seeds.add(RawClient.request(Packets.RRQ, TestBoot.IN_BUILD_CFG, "octet", "tsize", "0"));
        seeds.add(RawClient.request(Packets.RRQ, TestBoot.BROKEN_CFG, "octet"));
        seeds.add(RawClient.request(Packets.RRQ, "../../etc/passwd", "octet"));
        seeds.add(RawClient.request(Packets.WRQ, "pxelinux.cfg/default", "octet"));
        seeds.add(new byte[] {0, Packets.ACK, 0, 1});
        seeds.add(new byte[] {0, Packets.DATA, 0, 1, 'x', 'y'});
        seeds.add("\0\5\0\10User aborted the transfer\0".getBytes(StandardCharsets.US_ASCII));
        seeds.add(("\0\6blksize\0" + "1468\0").getBytes(StandardCharsets.US_ASCII));
        return seeds;
    }

    private static byte[] randomBytes(Random r) {
        byte[] b = new byte[r.nextInt(r.nextInt(10) == 0 ? 1500 : 40)];
        r.nextBytes(b);
        if (b.length >= 2 && r.nextBoolean()) {
            b[0] = 0; // a plausible opcode more often than chance
            b[1] = (byte) r.nextInt(8);
        }
        return b;
    }

    private static byte[] mutate(byte[] seed, Random r) {
        byte[] b = seed.clone();
        switch (r.nextInt(6)) {
            case 0 -> { // flip a few bits
                for (int i = 0, n = 1 + r.nextInt(8); i < n && b.length > 0; i++) {
                    b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
                }
            }
            case 1 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1)); // truncate
            case 2 -> { // append junk
                byte[] tail = new byte[r.nextInt(600)];
                r.nextBytes(tail);
                byte[] out = java.util.Arrays.copyOf(b, b.length + tail.length);
                System.arraycopy(tail, 0, out, b.length, tail.length);
                b = out;
            }
            case 3 -> { // NULs and 0xFF where they hurt
                for (int i = 0, n = 1 + r.nextInt(4); i < n && b.length > 0; i++) {
                    b[r.nextInt(b.length)] = r.nextBoolean() ? 0 : (byte) 0xff;
                }
            }
            case 4 -> { // absurd option values
                String v = List.of("0", "-1", "99999999999999999999", "65465", "abc", "", "1e9").get(r.nextInt(7));
                b = RawClient.request(Packets.RRQ, "pxelinux.0", "octet", List.of("blksize", "windowsize", "timeout", "tsize").get(r.nextInt(4)), v);
            }
            default -> { // a very long name
                b = RawClient.request(Packets.RRQ, "a/".repeat(r.nextInt(2000)) + "x", "octet");
            }
        }
        return b;
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for " + what).isLessThan(end);
            Thread.sleep(50);
        }
    }
}
