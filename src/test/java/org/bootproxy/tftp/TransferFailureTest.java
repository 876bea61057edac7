package org.bootproxy.tftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.function.Supplier;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.fakes.ThrowingInventory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * When bootproxy's own code fails inside a transfer (here: the inventory it asks for a per-MAC config). A bug or a
 * stack overflow ends that one transfer with ERROR 0 and a log line naming client and file, and the transfer beside it
 * goes on; out of memory reaches the fatal-error handler, which `serve` turns into exit status 70
 * (cli/ExitOnFatalErrorTest plays that in a child JVM). The failures are injected.
 */
class TransferFailureTest extends ServerHarness {
    @RegisterExtension
    final TransferLogLines lines = new TransferLogLines();

    @Test
    void aBugEndsItsTransferWithAnErrorWhileTheTransferBesideItGoesOn() throws Exception {
        failureEndsOnlyItsOwnTransfer(() -> new IllegalStateException("injected bug"));
        assertThat(fatalErrors).isEmpty();
    }

    @Test
    void aStackOverflowIsOneTransfersBugNotTheProcesss() throws Exception {
        failureEndsOnlyItsOwnTransfer(() -> new StackOverflowError("injected"));
        assertThat(fatalErrors).as("as for HTTP: the overflow unwound one request").isEmpty();
    }

    @Test
    void outOfMemoryInATransferReachesTheFatalErrorHandler() throws Exception {
        failureEndsOnlyItsOwnTransfer(() -> new OutOfMemoryError("injected: Java heap space"));
        assertThat(fatalErrors).hasSize(1);
        assertThat(fatalErrors.get(0).getKey()).startsWith("TFTP transfer of " + TestBoot.IN_BUILD_CFG + " for 127.0.0.1:");
        assertThat(fatalErrors.get(0).getValue()).isInstanceOf(OutOfMemoryError.class).hasMessageContaining("injected");
        fatalErrors.clear(); // expected here; serve would have ended
    }

    /** One client is mid-way through a static file while another's config request meets {@code failure}. */
    private void failureEndsOnlyItsOwnTransfer(Supplier<? extends Throwable> failure) throws Exception {
        // no timer copies before a round trip is measured: the first client may wait as long as this machine makes it
        start(TestBoot.boot(new ThrowingInventory(failure)), withoutEarlyRetransmissions().build());
        byte[] loader = file("pxelinux.0", 512 * 3 + 100);
        try (RawClient beside = client(); RawClient failing = client()) {
            beside.rrq("pxelinux.0");
            RawClient.Reply first = beside.next();
            assertThat(first.block()).isEqualTo(1);

            failing.rrq(TestBoot.IN_BUILD_CFG);
            RawClient.Reply error = failing.next();
            assertThat(error.opcode()).isEqualTo(Packets.ERROR);
            assertThat(error.errorCode()).isZero();
            assertThat(error.message()).isEqualTo(Transfer.BUG_MESSAGE);
            assertThat(error.from().getPort()).as("from the transfer's port").isNotEqualTo(server.port());

            BootEvent e = eventFor(TestBoot.IN_BUILD_CFG);
            assertThat(e.outcome()).isEqualTo("error");
            assertThat(e.fields().get("reason")).startsWith("internal error: ").contains("injected");
            String client = "127.0.0.1:" + failing.socket.getLocalPort();
            assertThat(lines.list()).as("a line naming client and file, with the stack trace")
                    .anyMatch(l -> l.getFormattedMessage().contains(TestBoot.IN_BUILD_CFG)
                            && l.getFormattedMessage().contains(client) && l.getThrowableProxy() != null);

            assertThat(rest(beside, first)).isEqualTo(loader);
        }
        assertThat(eventFor("pxelinux.0").outcome()).isEqualTo("ok");
        try (RawClient after = client()) {
            assertThat(after.download("pxelinux.0")).as("the pool still serves").isEqualTo(loader);
        }
    }

    /** The rest of a lock-step download whose DATA 1 arrived; copies the server's timer sent meanwhile are skipped. */
    private static byte[] rest(RawClient c, RawClient.Reply first) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(first.data());
        c.ack(1);
        int expected = 2;
        while (true) {
            RawClient.Reply r = c.next();
            if (r.opcode() != Packets.DATA || r.block() != expected) {
                continue;
            }
            out.writeBytes(r.data());
            c.ack(expected++);
            if (r.data().length < 512) {
                return out.toByteArray();
            }
        }
    }
}
