package org.bootproxy.http.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Many clients on a slow link, from one thread: every 200 ms each connection may send (a request body) or receive
 * (a download) its share of a byte rate, like {@code curl --limit-rate}. They connect over the first two seconds, as a
 * rack powering on does (and so that the test's own connection burst is not what it measures on a busy machine).
 * What the server answered is kept: the status line of each connection, whether the server closed it, and how many
 * bytes came.
 */
final class SlowClients implements AutoCloseable {
    private static final int TICK_MS = 200;
    private static final int RAMP_TICKS = 10;
    /** How much of each answer is kept: the status line, the headers and the start of the body. */
    private static final int HEAD = 2048;

    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final int port;
    private final int count;
    private final String requestHead;
    private final int receiveBuffer;
    private final boolean sending;
    private final int bytesPerTick;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile UncheckedIOException failure;

    /** Written by the clients' thread only; read by the test while it runs. */
    private static final class Connection {
        final SocketChannel channel;
        final ByteArrayOutputStream head = new ByteArrayOutputStream();
        volatile long received;
        volatile boolean closed;
        volatile int status;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }

        void parseStatus() {
            String h = head.toString(StandardCharsets.ISO_8859_1);
            if (status == 0 && h.length() >= 12) {
                status = h.startsWith("HTTP/1.1 ") ? Integer.parseInt(h.substring(9, 12)) : -1;
            }
        }
    }

    private SlowClients(int port, int count, String requestHead, boolean sending, int bytesPerSecond, int receiveBuffer) {
        this.port = port;
        this.count = count;
        this.requestHead = requestHead;
        this.receiveBuffer = receiveBuffer;
        this.sending = sending;
        this.bytesPerTick = Math.max(1, bytesPerSecond * TICK_MS / 1000);
        this.thread = new Thread(this::run, "slow-clients");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * {@code count} clients that each announce a {@code declaredLength}-byte POST body to {@code path} and then
     * send it at {@code bytesPerSecond}.
     */
    static SlowClients slowBodies(int port, int count, String path, long declaredLength, int bytesPerSecond) {
        return new SlowClients(port, count, "POST " + path + " HTTP/1.1\r\nHost: bootproxy\r\nContent-Type: text/plain\r\n"
                + "Content-Length: " + declaredLength + "\r\n\r\n", true, bytesPerSecond, 0);
    }

    /** {@code count} clients that each GET {@code path} and read the answer at {@code bytesPerSecond}. */
    static SlowClients slowDownloads(int port, int count, String path, int bytesPerSecond) {
        // the kernel's own receive buffer, as curl has: what is in flight is bounded by it, not by the file's size
        return new SlowClients(port, count, "GET " + path + " HTTP/1.1\r\nHost: bootproxy\r\n\r\n", false,
                bytesPerSecond, 0);
    }

    private void connect() throws IOException {
        SocketChannel ch = SocketChannel.open();
        if (receiveBuffer > 0) {
            ch.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
        }
        ch.connect(new InetSocketAddress("127.0.0.1", port));
        ByteBuffer request = StandardCharsets.ISO_8859_1.encode(requestHead);
        while (request.hasRemaining()) {
            ch.write(request);
        }
        ch.configureBlocking(false);
        connections.add(new Connection(ch));
    }

    private void run() {
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        ByteBuffer out = ByteBuffer.allocate(bytesPerTick);
        int perTick = (count + RAMP_TICKS - 1) / RAMP_TICKS;
        while (running) {
            for (int i = 0; i < perTick && connections.size() < count; i++) {
                try {
                    connect();
                } catch (IOException e) {
                    failure = new UncheckedIOException("slow client " + connections.size() + " could not connect", e);
                    return;
                }
            }
            for (Connection c : connections) {
                if (c.closed) {
                    continue;
                }
                try {
                    in.clear().limit(sending ? in.capacity() : Math.min(in.capacity(), bytesPerTick));
                    int n = c.channel.read(in);
                    if (n < 0) {
                        c.closed = true;
                        continue;
                    }
                    c.received += n;
                    if (c.head.size() < HEAD) {
                        c.head.write(in.array(), 0, Math.min(n, HEAD - c.head.size()));
                        c.parseStatus();
                    }
                    if (sending && c.head.size() == 0) {
                        out.clear();
                        while (out.hasRemaining()) {
                            out.put((byte) 'x');
                        }
                        out.flip();
                        c.channel.write(out);
                    }
                } catch (IOException e) {
                    c.closed = true; // reset by the server after it answered
                }
            }
            try {
                Thread.sleep(TICK_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** {@code count} clients that each GET {@code path} and read the whole answer. */
    static SlowClients gets(int port, int count, String path) {
        return slowDownloads(port, count, path, 10 * 1024 * 1024);
    }

    /** How many connections got an answer whose start contains {@code text}. */
    long answersContaining(String text) {
        return connections.stream().filter(c -> c.head.toString(StandardCharsets.ISO_8859_1).contains(text)).count();
    }

    /** How many connections got each status so far (0: no answer yet). */
    Map<Integer, Integer> statuses() {
        Map<Integer, Integer> counts = new TreeMap<>();
        for (Connection c : connections) {
            counts.merge(c.status, 1, Integer::sum);
        }
        return counts;
    }

    /**
     * Waits until every connection has a status line (and, with {@code andClosed}, was closed by the server), or
     * {@code timeoutMs} passed; true when all have.
     */
    boolean awaitAnswers(long timeoutMs, boolean andClosed) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (System.nanoTime() < end) {
            if (failure != null) {
                throw failure;
            }
            if (connections.size() == count
                    && connections.stream().allMatch(c -> c.status != 0 && (c.closed || !andClosed))) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Connections the server has closed. */
    long closedByServer() {
        return connections.stream().filter(c -> c.closed).count();
    }

    /** Bytes received on all connections. */
    long received() {
        return connections.stream().mapToLong(c -> c.received).sum();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
        for (Connection c : connections) {
            try {
                c.channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
