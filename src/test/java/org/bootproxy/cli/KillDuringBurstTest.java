package org.bootproxy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} in the middle of a burst of 200 unknown-machine reports: every machine bootproxy answered with the
 * unknown-machine answer (a 2xx) is listed after the restart. A real {@code serve} process, killed with SIGKILL.
 */
class KillDuringBurstTest {
    static final int MACHINES = 200;
    static final int KILL_AFTER = 60;

    @TempDir
    Path dir;

    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void noMachineThatGotItsAnswerIsLostToKillDashNine() throws Exception {
        Files.createDirectories(dir.resolve("hosts"));
        Path config = dir.resolve("bootproxy.yaml");
        Files.writeString(config, String.join("\n", "http_address: 127.0.0.1:0", "tftp: {enabled: false}",
                "template_url: http://192.0.2.1:8000", "hosts: hosts", "templates: " + Path.of("templates").toAbsolutePath(),
                "state_dir: state", ""));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        try (ServeProcess serve = new ServeProcess(dir, "serve", "--config", config.toString())) {
            URI base = serve.ready();
            CountDownLatch enough = new CountDownLatch(KILL_AFTER);
            ExecutorService pool = Executors.newFixedThreadPool(16);
            for (int i = 0; i < MACHINES; i++) {
                String mac = String.format("52:54:00:cc:%02x:%02x", i / 256, i % 256);
                pool.submit(() -> {
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve(
                                "/unattended/iPXE?unknown=1&macs=" + mac + "&serial=SN-" + mac.replace(":", "")))
                                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() / 100 == 2 && r.body().contains("this machine is not in the inventory")) {
                            acknowledged.add(mac);
                            enough.countDown();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet(); // in flight when the process died: never acknowledged
                    }
                });
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("%d reports acknowledged", KILL_AFTER).isTrue();
            serve.kill9();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        Set<String> acked = new HashSet<>(acknowledged);
        System.out.printf("kill -9 after %d of %d reports were acknowledged (%d failed in flight)%n", acked.size(), MACHINES,
                failed.get());
        assertThat(acked.size()).as("the kill came mid-burst").isBetween(KILL_AFTER, MACHINES - 1);

        try (ServeProcess again = new ServeProcess(dir, "serve", "--config", config.toString())) {
            URI base = again.ready();
            JsonNode machines = new ObjectMapper().readTree(client.send(HttpRequest.newBuilder(base.resolve("/api/machines"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body()).path("machines");
            Set<String> listed = new HashSet<>();
            machines.forEach(m -> m.path("macs").forEach(mac -> listed.add(mac.asText())));
            assertThat(listed).as("every acknowledged machine after kill -9 and a restart").containsAll(acked);
            assertThat(again.output()).contains("discovery: " + listed.size() + " machine(s) from");
            assertThat(List.copyOf(listed)).hasSizeLessThanOrEqualTo(MACHINES);
        }
    }
}
