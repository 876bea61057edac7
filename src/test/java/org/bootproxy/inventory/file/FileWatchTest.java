package org.bootproxy.inventory.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bootproxy.boot.BuildStarts;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lookups never read the host files: the watch does, on a thread of its own, and swaps in what it read. */
class FileWatchTest {
    private static final MacAddress WEB01 = MacAddress.parse("52:54:00:aa:00:01");

    @TempDir
    Path dir;

    private Path write(String kernelcmd, String extra) throws Exception {
        return Files.writeString(dir.resolve("web01.yaml"), FileInventoryTest.host("web01.example.com", "52:54:00:aa:00:01",
                "token: tok-1\nparams:\n  kernelcmd: " + kernelcmd + "\n" + extra));
    }

    private static String kernelcmd(FileInventory inv) {
        return inv.findByMac(WEB01).flatMap(h -> h.param("kernelcmd")).orElse("");
    }

    /** Polls {@code done} until it holds or 30 s have passed (a busy machine is slow, not wrong). */
    private static boolean eventually(BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void anEditIsSeenOnceTheWatchHasReadTheFolder() throws Exception {
        write("a", "");
        FileInventory inv = new FileInventory(dir, Clock.systemUTC(), Duration.ofMillis(100));
        try (FileWatch watch = FileWatch.start(Duration.ofMillis(20), List.of(inv::rescanWhenDue))) {
            write("b", "");
            assertThat(eventually(() -> kernelcmd(inv).equals("b"))).as("the edit, within 30 s").isTrue();
        }
    }

    @Test
    void aBrokenEditKeepsTheLastGoodHostAndIsReported() throws Exception {
        Path file = write("good", "");
        FileInventory inv = new FileInventory(dir, Clock.systemUTC(), Duration.ofMillis(100));
        try (FileWatch watch = FileWatch.start(Duration.ofMillis(20), List.of(inv::rescanWhenDue))) {
            write("broken", "buidl: false\n");
            assertThat(eventually(() -> !inv.problems().isEmpty())).as("the problem, within 30 s").isTrue();
            assertThat(kernelcmd(inv)).isEqualTo("good");
            assertThat(inv.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(file);
                assertThat(p.line()).isPositive();
                assertThat(p.message()).contains("unknown key 'buidl'");
            });
        }
    }

    /**
     * The rescan is held inside the index it is building (where each host's token is stamped) while lookups ask:
     * they are answered at once, from the index before, and see the edit once the rescan has swapped it in.
     */
    @Test
    void aLookupDuringARescanIsAnsweredFromTheIndexBefore() throws Exception {
        write("old", "");
        BlockingStarts starts = new BlockingStarts();
        FileInventory inv = new FileInventory(dir, GroupFolder.none(Clock.systemUTC()), Clock.systemUTC(), Duration.ZERO,
                FileInventory.DEFAULT_MAX_FILE_BYTES, new TokenExpiry(Duration.ofHours(1), starts));
        write("new", "");
        starts.hold = true;
        CompletableFuture<Void> rescan = CompletableFuture.runAsync(inv::rescanWhenDue);
        try {
            assertThat(starts.entered.await(30, TimeUnit.SECONDS)).as("the rescan reached the index").isTrue();
            Optional<Host> during = CompletableFuture.supplyAsync(() -> inv.findByMac(WEB01)).get(30, TimeUnit.SECONDS);
            assertThat(during.flatMap(h -> h.param("kernelcmd"))).as("answered while the rescan is held").contains("old");
            assertThat(inv.findByToken("tok-1")).isPresent();
            assertThat(inv.problems()).isEmpty();
        } finally {
            starts.release.countDown();
        }
        rescan.get(30, TimeUnit.SECONDS);
        assertThat(kernelcmd(inv)).isEqualTo("new");
    }

    /** Build starts that, once {@link #hold} is set, stop the thread asking until released. */
    private static final class BlockingStarts implements BuildStarts {
        volatile boolean hold;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public Instant firstSeen(String hostName, String token, Instant now) {
            if (hold) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Instant.parse("2026-12-04T00:00:00Z");
        }

        @Override
        public void forget(String hostName) {
        }
    }
}
