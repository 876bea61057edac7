package org.bootproxy.tftp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A TFTP client that sends exactly what a test tells it to, for protocol-level tests. */
final class RawClient implements AutoCloseable {

    /** One packet from the server. */
    record Reply(int opcode, int block, byte[] data, Map<String, String> options, String message, InetSocketAddress from) {
        int errorCode() {
            return block;
        }
    }

    final DatagramSocket socket;
    final InetSocketAddress server;
    InetSocketAddress peer;

    RawClient(int serverPort) throws IOException {
        this(serverPort, InetAddress.getLoopbackAddress());
    }

    /** A client on another local address (127.0.0.2 is a second machine as far as the server can tell). */
    RawClient(int serverPort, InetAddress local) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(local, 0));
        socket.setSoTimeout(5000);
        server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
    }

    static byte[] request(int opcode, String name, String mode, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(opcode);
        out.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        out.write(0);
        out.writeBytes(mode.getBytes(StandardCharsets.US_ASCII));
        out.write(0);
        for (String o : options) {
            out.writeBytes(o.getBytes(StandardCharsets.US_ASCII));
            out.write(0);
        }
        return out.toByteArray();
    }

    void rrq(String name, String... options) throws IOException {
        sendRaw(request(Packets.RRQ, name, "octet", options));
    }

    void sendRaw(byte[] bytes) throws IOException {
        peer = null;
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    void ack(int block) throws IOException {
        byte[] b = {0, Packets.ACK, (byte) (block >>> 8), (byte) block};
        socket.send(new DatagramPacket(b, b.length, peer));
    }

    void error(int code, String message) throws IOException {
        DatagramPacket p = Packets.error(peer, code, message);
        socket.send(p);
    }

    /** The next packet; the first reply fixes the server's transfer port. */
    Reply next() throws IOException {
        byte[] buf = new byte[70_000];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        InetSocketAddress from = (InetSocketAddress) p.getSocketAddress();
        if (peer == null) {
            peer = from;
        }
        int op = ((buf[0] & 0xff) << 8) | (buf[1] & 0xff);
        int len = p.getLength();
        int block = len >= 4 ? ((buf[2] & 0xff) << 8) | (buf[3] & 0xff) : -1;
        byte[] data = new byte[Math.max(0, len - 4)];
        System.arraycopy(buf, 4, data, 0, data.length);
        Map<String, String> options = new LinkedHashMap<>();
        String message = "";
        if (op == Packets.OACK) {
            String[] parts = new String(buf, 2, len - 2, StandardCharsets.US_ASCII).split("\0");
            for (int i = 0; i + 1 < parts.length; i += 2) {
                options.put(parts[i], parts[i + 1]);
            }
            block = -1;
        } else if (op == Packets.ERROR) {
            message = new String(data, StandardCharsets.US_ASCII).replace("\0", "");
        }
        return new Reply(op, block, data, options, message, from);
    }

    /** The next packet, or null when none comes within {@code millis}. */
    Reply nextWithin(int millis) throws IOException {
        int old = socket.getSoTimeout();
        socket.setSoTimeout(millis);
        try {
            return next();
        } catch (SocketTimeoutException e) {
            return null;
        } finally {
            socket.setSoTimeout(old);
        }
    }

    /**
     * Fetches a file in lock-step (or windows when asked), checking that block numbers follow on modulo 65536.
     *
     * @throws IOException carrying the ERROR the server sent
     */
    byte[] download(String name, String... options) throws IOException {
        Reply r = null;
        for (int attempt = 0; r == null && attempt < 5; attempt++) {
            rrq(name, options); // like real clients, ask again when nothing comes back
            r = nextWithin(1000);
        }
        if (r == null) {
            throw new IOException("no answer to 5 requests for " + name);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int blksize = 512;
        int window = 1;
        if (r.opcode() == Packets.OACK) {
            blksize = Integer.parseInt(r.options().getOrDefault("blksize", "512"));
            window = Integer.parseInt(r.options().getOrDefault("windowsize", "1"));
            ack(0);
            r = nextWithin(1000);
            while (r != null && r.opcode() == Packets.OACK) { // our ACK 0 was lost and the OACK came again
                ack(0);
                r = nextWithin(1000);
            }
        }
        int expected = 1;
        int inWindow = 0;
        int silences = 0;
        while (true) {
            if (r == null) { // nothing for a second: say again what arrived in order, as real clients do
                if (++silences > 10) {
                    throw new IOException("no DATA " + expected + " for " + name + " after 10 s");
                }
                ack((expected - 1) & 0xffff);
                inWindow = 0;
                r = nextWithin(1000);
                continue;
            }
            silences = 0;
            if (r.opcode() == Packets.ERROR) {
                throw new IOException("ERROR " + r.errorCode() + ": " + r.message());
            }
            if (r.opcode() == Packets.DATA && r.block() == expected) {
                out.writeBytes(r.data());
                boolean last = r.data().length < blksize;
                if (++inWindow == window || last) {
                    ack(expected);
                    inWindow = 0;
                }
                expected = (expected + 1) & 0xffff;
                if (last) {
                    return out.toByteArray();
                }
            } else if (r.opcode() == Packets.DATA) {
                ack((expected - 1) & 0xffff); // a gap or an old block: say what arrived in order
                inWindow = 0;
            }
            r = nextWithin(1000);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
