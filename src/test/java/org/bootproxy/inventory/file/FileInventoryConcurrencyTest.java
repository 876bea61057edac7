package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smoke test: TFTP and HTTP threads look hosts up while files are rewritten underneath them (in place,
 * so readers also see half-written files). Every lookup must answer, and a host whose file is only ever
 * rewritten must always be found, in one version or the other.
 */
class FileInventoryConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void lookupsDuringRewritesNeverFailOrLoseAHost() throws Exception {
        Path web01 = dir.resolve("web01.yaml");
        Files.writeString(web01, web01("v0"));
        Files.writeString(dir.resolve("db01.yaml"), "name: db01.example.com\ninterfaces: [{mac: 52:54:00:bb:00:01}]\nos: {family: Debian}\n");
        // Duration.ZERO and a watch that never rests: a new index is swapped in as often as it can be
        FileInventory inv = new FileInventory(dir, Clock.systemUTC(), Duration.ZERO);

        int readers = 6;
        AtomicBoolean writing = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> missing = new ConcurrentLinkedQueue<>();
        CountDownLatch started = new CountDownLatch(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers + 1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < readers; i++) {
            results.add(pool.submit(() -> {
                started.countDown();
                int lookups = 0;
                while (writing.get() || lookups < 100) {
                    if (inv.findByMac(MacAddress.parse("52:54:00:aa:00:01")).isEmpty()) {
                        missing.add("web01 by MAC");
                    }
                    if (inv.findByMac(MacAddress.parse("52:54:00:bb:00:01")).map(Host::name).isEmpty()) {
                        missing.add("db01 by MAC");
                    }
                    inv.findByIp("192.0.2.11");
                    inv.all();
                    inv.problems();
                    inv.describe();
                    lookups++;
                }
                return lookups;
            }));
        }
        started.await();
        Future<?> watch = pool.submit(() -> {
            while (writing.get()) {
                inv.rescanWhenDue();
            }
        });
        for (int v = 1; v <= 300; v++) {
            Files.writeString(web01, web01("v" + v));
            if (v % 50 == 0) {
                Files.writeString(dir.resolve("new" + v + ".yaml"),
                        "name: new" + v + ".example.com\ninterfaces: [{mac: 52:54:00:cc:00:" + String.format("%02x", v % 256)
                                + "}]\nos: {family: Redhat}\n");
            }
        }
        writing.set(false);
        watch.get();
        for (Future<Integer> r : results) {
            assertThat(r.get()).isGreaterThanOrEqualTo(100);
        }
        pool.shutdown();

        assertThat(missing).isEmpty();
        inv.rescan();
        assertThat(inv.findByMac(MacAddress.parse("52:54:00:aa:00:01")).orElseThrow().param("kernelcmd")).contains("v300");
        assertThat(inv.all()).hasSize(8);
        assertThat(inv.problems()).isEmpty();
    }

    private static String web01(String version) {
        return """
                name: web01.example.com
                build: true
                interfaces:
                  - mac: 52:54:00:aa:00:01
                    ip: 192.0.2.11
                os:
                  family: Redhat
                params:
                  kernelcmd: %s
                """.formatted(version);
    }
}
