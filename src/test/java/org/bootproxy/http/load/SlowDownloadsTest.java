package org.bootproxy.http.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.Map;
import org.bootproxy.http.HttpLimits;
import org.bootproxy.http.HttpSettingsBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding 2: 300 slow downloads of /pub/kernel.bin ({@code curl --limit-rate 100k}, a rack on a busy link) held
 * a worker each and starved all other HTTP. Now a download waits for the network without a thread.
 */
class SlowDownloadsTest {
    static final int SLOW_CLIENTS = 300;
    static final int RATE = 100_000;

    @TempDir
    Path assets;

    /** A kernel far larger than what 300 clients can read at 100 kB/s during the test (sparse: costs no disk). */
    private void kernel(long bytes) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(assets.resolve("kernel.bin").toFile(), "rw")) {
            f.setLength(bytes);
        }
    }

    @Test
    void threeHundredSlowDownloadsDoNotStarveOtherRequests() throws Exception {
        kernel(256L * 1024 * 1024);
        try (LoadServer app = new LoadServer(HttpSettingsBuilder.loopback().assets(assets).build());
             NormalClient normal = new NormalClient(app.port())) {
            SlowClients slow = SlowClients.slowDownloads(app.port(), SLOW_CLIENTS, "/pub/kernel.bin", RATE);
            boolean allAnswered = slow.awaitAnswers(20_000, false);
            long before = slow.received();
            Thread.sleep(3000);
            long during = slow.received() - before;
            slow.close();
            var answers = normal.stop();

            Map<Integer, Integer> statuses = slow.statuses();
            System.out.println("finding 2: slow clients " + statuses + ", " + during / 3 / 1024 + " KiB/s in all, closed by"
                    + " the server " + slow.closedByServer() + "; normal client " + NormalClient.summary(answers));
            assertThat(allAnswered).as("every download started: %s", statuses).isTrue();
            assertThat(statuses).containsOnly(Map.entry(200, SLOW_CLIENTS));
            assertThat(slow.closedByServer()).as("no download was cut").isZero();
            // each still streaming at its own pace: together well over a tenth of their 30 MB/s
            assertThat(during).isGreaterThan(3L * SLOW_CLIENTS * RATE / 10);
            NormalClient.assertServedThroughout(answers, 20);
            assertThat(NormalClient.servesAgain(app.port())).as("alive and serving after").isTrue();
        }
    }

    @Test
    void pastTheDownloadBoundAClientIsToldToComeBack() throws Exception {
        kernel(64L * 1024 * 1024);
        var settings = HttpSettingsBuilder.loopback().assets(assets).limits(HttpLimits.DEFAULTS.withDownloads(10)).build();
        try (LoadServer app = new LoadServer(settings)) {
            SlowClients slow = SlowClients.slowDownloads(app.port(), 10, "/pub/kernel.bin", 1000);
            assertThat(slow.awaitAnswers(10_000, false)).isTrue();
            NormalClient.Answer eleventh = NormalClient.ask(app.port(), "/pub/kernel.bin");
            slow.close();

            assertThat(eleventh.status()).isEqualTo(503);
            assertThat(eleventh.body()).startsWith("bootproxy is busy: 10 downloads being sent already");
            assertThat(eleventh.millis()).isLessThan(1000);
        }
    }
}
