package org.bootproxy.tftp;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One transfer's own socket (its TID): bound to the local address the request came to, so replies leave
 * from the address the client asked, and connected to the client, so the kernel drops packets from any
 * other port and an ICMP "port unreachable" tells us at once that the client went away. Packets from a
 * wrong port therefore never reach us and get no ERROR 5 (tftp-hpa does the same; iPXE and pxelinux
 * ignore ERROR 5 anyway).
 */
final class Link implements Closeable {

    /** The client's port is closed (ICMP port unreachable): it finished or gave up. */
    static final class ClientGone extends Exception {
        ClientGone() {
            super("the client's port is closed (ICMP port unreachable)");
        }
    }

    private final DatagramSocket socket;
    private final InetSocketAddress client;
    private final DatagramPacket out;
    private final DatagramPacket in = new DatagramPacket(new byte[2048], 2048);

    private Link(DatagramSocket socket, InetSocketAddress client) {
        this.socket = socket;
        this.client = client;
        this.out = new DatagramPacket(new byte[0], 0, client);
    }

    static Link open(InetAddress local, PortRange ports, InetSocketAddress client) throws IOException {
        DatagramSocket s = bind(local, ports);
        try {
            s.connect(client);
            return new Link(s, client);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private static DatagramSocket bind(InetAddress local, PortRange ports) throws IOException {
        if (ports.isAny()) {
            return new DatagramSocket(new InetSocketAddress(local, 0));
        }
        int n = ports.size();
        int start = ThreadLocalRandom.current().nextInt(n);
        for (int i = 0; i < n; i++) {
            int port = ports.first() + (start + i) % n;
            try {
                return new DatagramSocket(new InetSocketAddress(local, port));
            } catch (BindException busy) {
                // try the next one
            }
        }
        throw new BindException("every port in the TFTP transfer port range " + ports + " is in use");
    }

    InetSocketAddress client() {
        return client;
    }

    int localPort() {
        return socket.getLocalPort();
    }

    void send(byte[] buf, int len) throws IOException, ClientGone {
        out.setData(buf, 0, len);
        try {
            socket.send(out);
        } catch (PortUnreachableException e) {
            throw new ClientGone();
        }
    }

    void send(DatagramPacket packet) throws IOException, ClientGone {
        send(packet.getData(), packet.getLength());
    }

    /** The next packet from the client, or null when {@code deadlineNanos} (System.nanoTime) passes first. */
    Packets.Packet receive(long deadlineNanos) throws IOException, ClientGone {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            return null;
        }
        socket.setSoTimeout((int) Math.max(1, (left + 999_999) / 1_000_000));
        in.setLength(in.getData().length);
        try {
            socket.receive(in);
        } catch (SocketTimeoutException e) {
            return null;
        } catch (PortUnreachableException e) {
            throw new ClientGone();
        }
        return Packets.parse(in);
    }

    @Override
    public void close() {
        socket.close();
    }
}
