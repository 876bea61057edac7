package org.bootproxy.http.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.http.HttpLimits;
import org.bootproxy.http.HttpSettingsBuilder;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 (critical): about 300 POSTs to /unattended/failed announcing a 1 MB body and sending it a few bytes a
 * second blocked every worker, the handler reserved the whole Content-Length first, and at 256 MiB the process ran
 * out of memory and lost its acceptor. Now a body arrives without a worker waiting for it, only what is kept is in
 * memory, and the body deadline ends each slow client with 408.
 */
class SlowBodiesTest {
    static final int SLOW_CLIENTS = 300;

    @Test
    void threeHundredSlowFailureReportsCostConnectionsNotWorkers() throws Exception {
        HttpLimits limits = HttpLimits.DEFAULTS.withBodies(HttpLimits.DEFAULTS.bodies(), Duration.ofSeconds(5));
        try (LoadServer app = new LoadServer(HttpSettingsBuilder.loopback().limits(limits).build());
             NormalClient normal = new NormalClient(app.port())) {
            SlowClients slow = SlowClients.slowBodies(app.port(), SLOW_CLIENTS,
                    "/unattended/failed?mac=" + Hosts.ALMA01_MAC.colons(), 1_000_000, 4);

            boolean allAnswered = slow.awaitAnswers(20_000, true);
            slow.close();
            var answers = normal.stop();

            Map<Integer, Integer> statuses = slow.statuses();
            System.out.println("finding 1: slow clients " + statuses + ", closed by the server " + slow.closedByServer()
                    + "; normal client " + NormalClient.summary(answers));
            assertThat(allAnswered).as("every slow client answered: %s", statuses).isTrue();
            // the first `bodies` are received until the deadline (408); the rest are refused at once (503)
            assertThat(statuses).containsOnlyKeys(408, 503)
                    .containsEntry(408, limits.bodies()).containsEntry(503, SLOW_CLIENTS - limits.bodies());
            assertThat(slow.closedByServer()).as("each slow body costs its connection").isEqualTo(SLOW_CLIENTS);
            NormalClient.assertServedThroughout(answers, 20);
            assertThat(NormalClient.servesAgain(app.port())).as("alive and serving after").isTrue();
        }
    }
}
