package org.bootproxy.tftp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.bootproxy.support.OnFatalError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads requests from one listening socket and hands read requests on; it never blocks on a transfer.
 * Write requests get ERROR 2, malformed requests ERROR 4; anything else arriving here (stray ACKs, DATA,
 * noise) is dropped without an answer, so the port cannot be used to reflect traffic.
 */
final class RequestListener implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(RequestListener.class);
    private static final int RECEIVE_BUFFER = 4 * 1024 * 1024;

    private final DatagramSocket socket;
    private final Consumer<ReadRequest> dispatch;
    private final TransferLog log;
    private final OnFatalError onFatal;
    private final LongAdder received = new LongAdder();

    RequestListener(DatagramSocket socket, Consumer<ReadRequest> dispatch, TransferLog log, OnFatalError onFatal) {
        this.socket = socket;
        this.dispatch = dispatch;
        this.log = log;
        this.onFatal = onFatal;
        try {
            // a burst of PXE clients powering on together must not overflow the queue (capped by net.core.rmem_max)
            socket.setReceiveBufferSize(RECEIVE_BUFFER);
        } catch (IOException e) {
            LOG.debug("tftp: cannot enlarge the receive buffer: {}", e.toString());
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Datagrams read from this socket so far. */
    long received() {
        return received.sum();
    }

    void close() {
        socket.close();
    }

    @Override
    public void run() {
        byte[] buf = new byte[65536];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        while (!socket.isClosed()) {
            try {
                p.setLength(buf.length);
                socket.receive(p);
                received.increment();
                handle(p);
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.warn("tftp: receive on {} failed: {}", address(), e.toString());
                }
            } catch (RuntimeException | Error e) {
                // out of memory (a transfer thread that cannot be created, say) ends the process; anything else drops
                // this one request: a listener that died would leave TFTP dead while the process lives on
                OnFatalError.in(e).ifPresent(error -> onFatal.fatal("TFTP listener on " + address(), error));
                LOG.error("tftp: request from {} broke the listener's handling (request dropped)", p.getSocketAddress(), e);
            }
        }
    }

    private void handle(DatagramPacket p) throws IOException {
        InetSocketAddress client = (InetSocketAddress) p.getSocketAddress();
        if (client.getPort() == 0) {
            return;
        }
        Packets.Packet packet = Packets.parse(p);
        if (packet instanceof Packets.Request r) {
            if (r.write()) {
                socket.send(Packets.error(client, TftpFailure.ACCESS_VIOLATION, "bootproxy is read-only: write requests are refused"));
                log.writeRefused(client, Packets.printable(r.name()));
                return;
            }
            byte[] raw = Arrays.copyOfRange(p.getData(), p.getOffset(), p.getOffset() + p.getLength());
            dispatch.accept(new ReadRequest(client, socket.getLocalAddress(), socket, r, raw));
        } else if (packet instanceof Packets.Malformed m && isRequest(p)) {
            LOG.debug("tftp: malformed request from {}: {}", client, m.reason());
            // short answer: a spoofed sender must not gain much by reflecting it
            socket.send(Packets.error(client, TftpFailure.ILLEGAL_OPERATION, "malformed request"));
        } else {
            LOG.debug("tftp: dropped {} from {} on the request port", packet, client);
        }
    }

    private static boolean isRequest(DatagramPacket p) {
        byte[] d = p.getData();
        int o = p.getOffset();
        return p.getLength() >= 2 && d[o] == 0 && (d[o + 1] == Packets.RRQ || d[o + 1] == Packets.WRQ);
    }
}
