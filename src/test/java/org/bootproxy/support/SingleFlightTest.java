package org.bootproxy.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private final SingleFlight<String, String> flights = new SingleFlight<>();

    @Test
    void concurrentCallersOfOneKeyShareOneCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> threads = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r);
            threads.add(t);
            return t;
        });
        try {
            Future<SingleFlight.Outcome<String>> first = pool.submit(() -> flights.run("web01", () -> {
                calls.incrementAndGet();
                inside.countDown();
                await(release);
                return "answer";
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<SingleFlight.Outcome<String>>> joiners = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                joiners.add(pool.submit(() -> flights.run("web01", () -> {
                    calls.incrementAndGet();
                    return "a second call";
                })));
            }
            awaitAllWaiting(threads, 4);
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(new SingleFlight.Outcome<>("answer", false));
            for (Future<SingleFlight.Outcome<String>> j : joiners) {
                assertThat(j.get(10, TimeUnit.SECONDS)).isEqualTo(new SingleFlight.Outcome<>("answer", true));
            }
            assertThat(calls).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFinishedCallIsNotReused() {
        assertThat(flights.run("k", () -> "one")).isEqualTo(new SingleFlight.Outcome<>("one", false));
        assertThat(flights.run("k", () -> "two")).isEqualTo(new SingleFlight.Outcome<>("two", false));
    }

    @Test
    void theCallersExceptionReachesItAndTheKeyIsFreeAgain() {
        assertThatThrownBy(() -> flights.run("k", () -> {
            throw new IllegalStateException("upstream down");
        })).hasMessage("upstream down");
        assertThat(flights.run("k", () -> "fine").value()).isEqualTo("fine");
    }

    @Test
    void aLaunchedCallIsJoinedUntilItsFutureCompletes() {
        CompletableFuture<String> download = new CompletableFuture<>();
        AtomicInteger starts = new AtomicInteger();
        SingleFlight.Outcome<CompletableFuture<String>> first = flights.launch("f", () -> {
            starts.incrementAndGet();
            return download;
        });
        SingleFlight.Outcome<CompletableFuture<String>> second = flights.launch("f", () -> {
            starts.incrementAndGet();
            return new CompletableFuture<>();
        });
        assertThat(first.shared()).isFalse();
        assertThat(second.shared()).isTrue();
        assertThat(starts).hasValue(1);

        download.complete("/tftpboot/boot/vmlinuz");
        assertThat(second.value()).isCompletedWithValue("/tftpboot/boot/vmlinuz");
        assertThat(flights.launch("f", () -> CompletableFuture.completedFuture("again")).shared()).isFalse();
    }

    @Test
    void aLaunchThatCannotStartLeavesNothingUnderWay() {
        assertThatThrownBy(() -> flights.launch("f", () -> {
            throw new IllegalStateException("executor shut down");
        })).hasMessage("executor shut down");
        assertThat(flights.launch("f", () -> CompletableFuture.completedFuture("ok")).shared()).isFalse();
    }

    @Test
    void aFailedLaunchedCallFailsEveryJoiner() {
        CompletableFuture<String> download = new CompletableFuture<>();
        CompletableFuture<String> first = flights.launch("f", () -> download).value();
        CompletableFuture<String> joined = flights.launch("f", CompletableFuture::new).value();
        download.completeExceptionally(new java.io.IOException("404"));
        assertThat(first).isCompletedExceptionally();
        assertThat(joined).isCompletedExceptionally();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Until {@code n} pool threads exist and all are parked (the first in its call, the others joining it). */
    private static void awaitAllWaiting(List<Thread> threads, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            List<Thread> now = List.copyOf(threads);
            if (now.size() == n && now.stream().allMatch(t -> t.getState() == Thread.State.WAITING
                    || t.getState() == Thread.State.TIMED_WAITING)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the joining threads never started waiting");
    }
}
