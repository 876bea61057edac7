package org.bootproxy.http;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests of its own over loopback before the server says it is ready, so the first machine that asks is
 * answered as fast as the next ones: a cold JVM spends its first request loading and linking classes (Jetty's parser,
 * the route table, the handlers, the renderer) and running them slowly, which costs tens to hundreds of milliseconds.
 *
 * <p>Its requests carry a header with a secret made at start, known only to this process: they are neither logged
 * nor recorded as boot events, and no client can make its own requests pass for them. While it runs, {@code /healthz}
 * answers 503 "starting".
 */
final class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);
    static final String HEADER = "X-Bootproxy-Warm-Up";

    private final String secret;
    private volatile boolean running;

    WarmUp() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        this.secret = HexFormat.of().formatHex(b);
    }

    /** The request is one of ours (never for a request from elsewhere: the secret is this process's own). */
    boolean isOurs(Context ctx) {
        String h = ctx.header(HEADER);
        return h != null && h.equals(secret);
    }

    /** True while it runs: the server is not at full speed yet. */
    boolean running() {
        return running;
    }

    void starting() {
        running = true;
    }

    /**
     * Asks each of {@code paths} in turn over new loopback connections, round after round, until {@code budget} has
     * passed or {@code rounds} are done; then the server is ready. A failed request ends the warm-up early (it only
     * makes the first answers slower).
     */
    void run(String host, int port, List<String> paths, int rounds, Duration budget) {
        long start = System.nanoTime();
        long deadline = start + budget.toNanos();
        int done = 0;
        try {
            for (int r = 0; r < rounds && System.nanoTime() < deadline; r++) {
                for (String path : paths) {
                    ask(host, port, path);
                    done++;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.debug("warm-up stopped after {} requests: {}", done, e.toString());
        } finally {
            running = false;
        }
        log.debug("warm-up: {} requests in {} ms", done, (System.nanoTime() - start) / 1_000_000);
    }

    private void ask(String host, int port, String path) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: bootproxy-warm-up\r\n" + HEADER + ": "
                    + secret + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[8192];
            while (in.read(buf) >= 0) {
                // the answer itself does not matter, only that it was made
            }
        }
    }
}
