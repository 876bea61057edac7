package org.bootproxy.http.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A machine booting normally while the server is under attack: it keeps asking for its iPXE script and the health
 * check, one fresh connection per request as iPXE does, and writes down how each answer went. Every request gets
 * 5 s before it counts as unanswered (far over the 1 s the tests demand, so a slow answer is measured, not cut).
 */
final class NormalClient implements AutoCloseable {
    /** One request and its answer. */
    record Answer(String path, int status, long millis, String body, long at) {
        boolean realScript() {
            return status == 200 && body.startsWith("#!ipxe") && body.contains(LoadServer.KNOWN_IPXE_MARK);
        }

        @Override
        public String toString() {
            return path + " " + status + " " + millis + " ms (at " + java.time.Instant.ofEpochMilli(at) + ")" + (status == 200 ? "" : ": " + body.strip());
        }
    }

    private final int port;
    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    NormalClient(int port) {
        this.port = port;
        this.thread = new Thread(this::run, "normal-client");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        String[] paths = {LoadServer.KNOWN_IPXE, "/healthz"};
        for (int i = 0; running; i++) {
            answers.add(ask(port, paths[i % 2]));
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** GET {@code path} on a fresh connection; status 0 when there was no answer within 5 s (or no connection). */
    static Answer ask(int port, String path) {
        long start = System.nanoTime();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: bootproxy\r\nUser-Agent: iPXE/1.21.1\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = s.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            long ms = (System.nanoTime() - start) / 1_000_000;
            int status = answer.startsWith("HTTP/1.1 ") ? Integer.parseInt(answer.substring(9, 12)) : 0;
            int bodyAt = answer.indexOf("\r\n\r\n");
            return new Answer(path, status, ms, bodyAt < 0 ? answer : answer.substring(bodyAt + 4),
                    System.currentTimeMillis() - ms);
        } catch (IOException e) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            return new Answer(path, 0, ms, e.toString(), System.currentTimeMillis() - ms);
        }
    }

    /**
     * Asserts what the issue demands of a normal client under attack: it kept asking (at least {@code minimum}
     * requests), and every answer came in under 1 s and was the real one (its script, not a retry script; ok).
     */
    static void assertServedThroughout(List<Answer> answers, int minimum) {
        answers.stream().filter(a -> a.millis() > 200).forEach(a -> System.out.println("slowest answers: " + a));
        assertThat(answers).as("the normal client's requests").hasSizeGreaterThanOrEqualTo(minimum)
                .allSatisfy(a -> {
                    assertThat(a.status()).as(a.toString()).isEqualTo(200);
                    assertThat(a.millis()).as(a.toString()).isLessThan(1000);
                    if (a.path().equals(LoadServer.KNOWN_IPXE)) {
                        assertThat(a.realScript()).as(a + " is its real iPXE script").isTrue();
                    }
                });
    }

    /** "40 requests, slowest 23 ms, statuses {200=40}, 20 of 20 real scripts": for the test's output. */
    static String summary(List<Answer> answers) {
        java.util.Map<Integer, Long> statuses = new java.util.TreeMap<>(answers.stream()
                .collect(java.util.stream.Collectors.groupingBy(Answer::status, java.util.stream.Collectors.counting())));
        long scripts = answers.stream().filter(a -> a.path().equals(LoadServer.KNOWN_IPXE)).count();
        long real = answers.stream().filter(Answer::realScript).count();
        return answers.size() + " requests, slowest " + answers.stream().mapToLong(Answer::millis).max().orElse(0)
                + " ms, statuses " + statuses + ", " + real + " of " + scripts + " real iPXE scripts";
    }

    /**
     * Whether the server is alive and serving after an attack: the real script within 10 s (the first answers may
     * still be refusals while the queue of the last load drains).
     */
    static boolean servesAgain(int port) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            if (ask(port, LoadServer.KNOWN_IPXE).realScript()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** Stops asking; the answers so far. */
    List<Answer> stop() throws InterruptedException {
        running = false;
        thread.join(10_000);
        return new ArrayList<>(answers);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
