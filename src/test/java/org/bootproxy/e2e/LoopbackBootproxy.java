package org.bootproxy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The packaged jar serving a {@link Site} on loopback (free ports), outside the lab, for a test that plays Foreman
 * before or after a boot: its smart-proxy API over plain HTTP, trusted for 127.0.0.1. What Foreman writes lands in
 * the site's TFTP root, which the lab's bootproxy then serves.
 */
final class LoopbackBootproxy implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("HTTP listening on 127\\.0\\.0\\.1:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LoopbackBootproxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts {@code java -jar target/bootproxy.jar serve --config <site>/foreman-side.yaml} and waits until it listens. */
    static LoopbackBootproxy start(Site site, String name) {
        Path dir = site.dir();
        Path config = dir.resolve(name + ".yaml");
        Path log = dir.resolve(name + ".log");
        try {
            Files.writeString(config, String.join("\n",
                    "http_address: 127.0.0.1:0",
                    "tftp_address: 127.0.0.1:0",
                    "tftproot: " + site.tftpRoot(),
                    "assets: " + site.pub(),
                    "hosts: " + dir.resolve("hosts"),
                    "templates: " + dir.resolve("templates"),
                    "state_dir: " + dir.resolve(name + "-state"),
                    "template_url: " + Site.PUBLIC_URL,
                    "trusted_hosts: [127.0.0.1]", ""));
            Process p = new ProcessBuilder(Site.javaBinary(), "-jar", Site.jar().toString(), "serve", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                String out = Files.exists(log) ? Files.readString(log) : "";
                Matcher m = LISTENING.matcher(out);
                if (m.find() && out.contains("TFTP:      listening")) {
                    return new LoopbackBootproxy(p, log, Integer.parseInt(m.group(1)));
                }
                assertThat(p.isAlive()).as("bootproxy on loopback exited:\n" + out).isTrue();
                Thread.sleep(100);
            }
            p.destroy();
            throw new AssertionError("bootproxy on loopback did not listen within 60 s:\n" + Files.readString(log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code http://127.0.0.1:<port><path>}. */
    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A form-encoded POST, as Foreman's ProxyAPI sends it; fails on anything but 200. */
    void post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        send(HttpRequest.newBuilder(url(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A DELETE, as Foreman sends when a host leaves build or is deleted; fails on anything but 200. */
    void delete(String path) {
        send(HttpRequest.newBuilder(url(path)).DELETE().build());
    }

    private void send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(request.method() + " " + request.uri() + ": " + r.body() + "\n" + tail()).isEqualTo(200);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits (bounded, 60 s) until {@code file} exists with its final size: fetch_boot_file downloads in the background. */
    static void awaitDownload(Path file, long size) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try {
            while (!(Files.exists(file) && Files.size(file) == size) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(file).as("downloaded by fetch_boot_file").exists().hasSize(size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Form fields in the order given. */
    static Map<String, String> form(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
