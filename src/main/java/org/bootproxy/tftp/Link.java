package org.bootproxy.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One transfer's own socket (its TID): bound to the local address the request came to, so replies leave
 * from the address the client asked, and connected to the client, so the kernel drops packets from any
 * other port and an ICMP "port unreachable" tells us at once that the client went away. Packets from a
 * wrong port therefore never reach us and get no ERROR 5 (tftp-hpa does the same; iPXE and pxelinux
 * ignore ERROR 5 anyway).
 *
 * <p>A non-blocking channel with its own selector: a lock-step block then costs four system calls (read
 * the file, send, wait, receive). A {@code DatagramSocket} with a timeout costs nine, which on loopback
 * made the difference between beating in.tftpd and trailing it.
 */
final class Link implements Closeable {

    /** The client's port is closed (ICMP port unreachable): it finished or gave up. */
    static final class ClientGone extends Exception {
        ClientGone() {
            super("the client's port is closed (ICMP port unreachable)");
        }
    }

    private final DatagramChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final InetSocketAddress client;
    private final byte[] inBytes = new byte[2048];
    private final ByteBuffer in = ByteBuffer.wrap(inBytes);
    private final DatagramPacket inPacket;

    private Link(DatagramChannel channel, Selector selector, InetSocketAddress client) throws IOException {
        this.channel = channel;
        this.selector = selector;
        this.client = client;
        this.key = channel.register(selector, SelectionKey.OP_READ);
        this.inPacket = new DatagramPacket(inBytes, 0, client);
    }

    static Link open(InetAddress local, PortRange ports, InetSocketAddress client) throws IOException {
        DatagramChannel ch = DatagramChannel.open(client.getAddress() instanceof java.net.Inet6Address
                ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET);
        Selector sel = null;
        try {
            bind(ch, local, ports);
            ch.connect(client);
            ch.configureBlocking(false);
            sel = Selector.open();
            return new Link(ch, sel, client);
        } catch (IOException | RuntimeException e) {
            ch.close();
            if (sel != null) {
                sel.close();
            }
            throw e;
        }
    }

    private static void bind(DatagramChannel ch, InetAddress local, PortRange ports) throws IOException {
        if (ports.isAny()) {
            ch.bind(new InetSocketAddress(local, 0));
            return;
        }
        int n = ports.size();
        int start = ThreadLocalRandom.current().nextInt(n);
        for (int i = 0; i < n; i++) {
            try {
                ch.bind(new InetSocketAddress(local, ports.first() + (start + i) % n));
                return;
            } catch (BindException busy) {
                // try the next one
            }
        }
        throw new BindException("every port in the TFTP transfer port range " + ports + " is in use");
    }

    InetSocketAddress client() {
        return client;
    }

    void send(byte[] buf, int len) throws IOException, ClientGone {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, len);
        try {
            while (channel.write(b) == 0) { // the socket's send buffer is full (big windows of big blocks)
                key.interestOps(SelectionKey.OP_WRITE);
                selector.select(1000);
                selector.selectedKeys().clear();
                key.interestOps(SelectionKey.OP_READ);
            }
        } catch (PortUnreachableException e) {
            throw new ClientGone();
        } catch (ClosedSelectorException e) {
            throw new ClosedChannelException();
        }
    }

    /** Sends once without waiting, from any thread (the listener repeating a first reply); false if not sent. */
    boolean trySend(byte[] buf) {
        try {
            return channel.write(ByteBuffer.wrap(buf)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    void send(DatagramPacket packet) throws IOException, ClientGone {
        send(packet.getData(), packet.getLength());
    }

    /** The next packet from the client, or null when {@code deadlineNanos} (System.nanoTime) passes first. */
    Packets.Packet receive(long deadlineNanos) throws IOException, ClientGone {
        try {
            while (true) {
                long left = deadlineNanos - System.nanoTime();
                if (left > 0) {
                    // wait first: right after a send the answer is rarely there yet, so this saves a read
                    selector.select(k -> { }, Math.max(1, (left + 999_999) / 1_000_000));
                }
                in.clear();
                if (channel.read(in) > 0) {
                    inPacket.setData(inBytes, 0, in.position());
                    return Packets.parse(inPacket);
                }
                if (left <= 0) {
                    return null;
                }
            }
        } catch (PortUnreachableException e) {
            throw new ClientGone();
        } catch (ClosedSelectorException e) {
            throw new ClosedChannelException(); // closed by another thread: the server is stopping
        }
    }

    @Override
    public void close() {
        try {
            selector.close();
        } catch (IOException ignored) {
            // nothing to do
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
