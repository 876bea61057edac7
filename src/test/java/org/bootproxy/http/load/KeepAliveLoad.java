package org.bootproxy.http.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Many keep-alive connections from one thread (NIO), each asking again as soon as it has its answer, for a while:
 * the load of a large rack, or of a load tester such as {@code wrk}. Every answer is timed from the request's last
 * byte to the answer's last byte and sorted by what it was.
 */
final class KeepAliveLoad {

    /** What one kind of answer looked like. */
    record Kind(String name, long count, long p50, long p99, long max) {
        @Override
        public String toString() {
            return name + " " + count + " (p50 " + p50 + " ms, p99 " + p99 + " ms, max " + max + " ms)";
        }
    }

    /**
     * @param answered      answers received, by kind: "real" (the host's own script or kickstart), "retry" (the iPXE
     *                      retry script), "503", or "other NNN"
     * @param all           all answers together
     * @param unanswered    requests still without an answer {@code timeout} after they were sent
     * @param connectErrors connections that could not be made or broke
     */
    record Result(Map<String, Kind> answered, Kind all, long unanswered, long connectErrors, double seconds) {
        long perSecond() {
            return Math.round(all.count() / seconds);
        }

        @Override
        public String toString() {
            return all.count() + " answers in " + String.format(Locale.ROOT, "%.1f", seconds) + " s (" + perSecond()
                    + "/s), " + answered.values() + "; all: p50 " + all.p50() + " ms, p99 " + all.p99() + " ms, max "
                    + all.max() + " ms; unanswered " + unanswered + ", connection errors " + connectErrors;
        }
    }

    private static final class Connection {
        final String path;
        final ByteArrayOutputStream answer = new ByteArrayOutputStream();
        long sentAt = System.nanoTime();
        boolean connecting = true;
        boolean waiting;

        Connection(String path) {
            this.path = path;
        }
    }

    private final Map<String, List<Long>> times = new TreeMap<>();
    private final String realMark;
    private long unanswered;
    private long connectErrors;

    private KeepAliveLoad(String realMark) {
        this.realMark = realMark;
    }

    /**
     * Opens {@code connections} connections to {@code port}, connection i asking for {@code paths[i % paths.length]}
     * over and over for {@code duration}, then waits up to {@code timeout} for the last answers.
     *
     * @param realMark text only a real answer has (the host's name)
     */
    static Result run(int port, int connections, List<String> paths, Duration duration, Duration timeout, String realMark)
            throws IOException {
        return new KeepAliveLoad(realMark).go(port, connections, paths, duration, timeout);
    }

    private Result go(int port, int count, List<String> paths, Duration duration, Duration timeout) throws IOException {
        long timeoutNs = timeout.toNanos();
        try (Selector selector = Selector.open()) {
            List<SocketChannel> channels = new ArrayList<>();
            try {
                for (int i = 0; i < count; i++) {
                    SocketChannel ch = SocketChannel.open();
                    ch.configureBlocking(false);
                    ch.connect(new InetSocketAddress("127.0.0.1", port));
                    ch.register(selector, SelectionKey.OP_CONNECT, new Connection(paths.get(i % paths.size())));
                    channels.add(ch);
                }
                long start = System.nanoTime();
                long stopAsking = start + duration.toNanos();
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (true) {
                    long now = System.nanoTime();
                    boolean anyWaiting = false;
                    for (SelectionKey key : selector.keys()) {
                        Connection c = (Connection) key.attachment();
                        if (!key.isValid()) {
                            continue;
                        }
                        if ((c.waiting || c.connecting) && now - c.sentAt > timeoutNs) {
                            if (c.waiting) {
                                unanswered++;
                            } else {
                                connectErrors++;
                            }
                            c.waiting = false;
                            c.connecting = false;
                            key.cancel();
                            key.channel().close();
                        } else {
                            anyWaiting |= c.waiting || c.connecting;
                        }
                    }
                    if (now > stopAsking && !anyWaiting) {
                        return result((System.nanoTime() - start) / 1e9);
                    }
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        handle(key, buffer, now < stopAsking);
                    }
                    selector.selectedKeys().clear();
                }
            } finally {
                for (SocketChannel ch : channels) {
                    ch.close();
                }
            }
        }
    }

    private void handle(SelectionKey key, ByteBuffer buffer, boolean askAgain) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        Connection c = (Connection) key.attachment();
        try {
            if (key.isConnectable()) {
                ch.finishConnect();
                c.connecting = false;
                key.interestOps(SelectionKey.OP_READ);
                send(ch, c);
                return;
            }
            buffer.clear();
            int n = ch.read(buffer);
            if (n < 0) {
                connectErrors += c.waiting ? 1 : 0;
                c.waiting = false;
                key.cancel();
                ch.close();
                return;
            }
            c.answer.write(buffer.array(), 0, n);
            byte[] bytes = c.answer.toByteArray();
            int length = completeLength(bytes);
            if (length < 0) {
                return;
            }
            long ms = (System.nanoTime() - c.sentAt) / 1_000_000;
            String text = new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            times.computeIfAbsent(kind(text), k -> new ArrayList<>()).add(ms);
            c.answer.reset();
            c.answer.write(bytes, length, bytes.length - length);
            c.waiting = false;
            if (askAgain && !text.toLowerCase(Locale.ROOT).contains("\r\nconnection: close")) {
                send(ch, c);
            } else {
                key.cancel();
                ch.close();
            }
        } catch (IOException e) {
            connectErrors++;
            c.waiting = false;
            c.connecting = false;
            key.cancel();
            ch.close();
        }
    }

    private static void send(SocketChannel ch, Connection c) throws IOException {
        ByteBuffer request = StandardCharsets.ISO_8859_1.encode("GET " + c.path + " HTTP/1.1\r\nHost: bootproxy\r\n"
                + "User-Agent: iPXE/1.21.1\r\n\r\n");
        while (request.hasRemaining()) {
            ch.write(request);
        }
        c.sentAt = System.nanoTime();
        c.waiting = true;
    }

    /** The length of the first whole answer in {@code bytes} (headers and a Content-Length body); -1 when incomplete. */
    static int completeLength(byte[] bytes) {
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = s.indexOf("\r\n\r\n");
        if (end < 0) {
            return -1;
        }
        int body = 0;
        for (String line : s.substring(0, end).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                body = Integer.parseInt(line.substring(15).trim());
            }
            if (line.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")) {
                throw new IllegalStateException("a chunked answer; this client reads Content-Length only: " + line);
            }
        }
        int total = end + 4 + body;
        return bytes.length >= total ? total : -1;
    }

    private String kind(String answer) {
        String status = answer.length() >= 12 ? answer.substring(9, 12) : "???";
        if (status.equals("200")) {
            if (answer.contains("bootproxy cannot answer yet")) {
                return "retry";
            }
            return answer.contains(realMark) ? "real" : "other 200";
        }
        return status.equals("503") ? "503" : "other " + status;
    }

    private Result result(double seconds) {
        Map<String, Kind> kinds = new TreeMap<>();
        List<Long> all = new ArrayList<>();
        times.forEach((name, list) -> {
            kinds.put(name, summary(name, list));
            all.addAll(list);
        });
        return new Result(kinds, summary("all", all), unanswered, connectErrors, seconds);
    }

    private static Kind summary(String name, List<Long> list) {
        long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return new Kind(name, 0, 0, 0, 0);
        }
        return new Kind(name, sorted.length, percentile(sorted, 50), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
