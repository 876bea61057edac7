package org.bootproxy.tftp;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.bootproxy.support.OnFatalError;
import org.bootproxy.support.RootName;
import org.bootproxy.tftp.OptionNegotiation.Negotiated;

/**
 * One read request from start to end, on its own thread and its own socket: find the bytes, negotiate
 * options, then send blocks in windows of {@code windowsize} (1 = RFC 1350 lock-step) until the last
 * block is acknowledged.
 *
 * <p>Sending rules: a timeout resends from the block after the last ACK (RFC 7440 §4); an ACK inside the
 * window means the client saw a gap, so sending restarts after it; a duplicate of the last ACK is
 * ignored, never answered with a resend (the Sorcerer's Apprentice bug, RFC 1123 §4.2.3.1). Block numbers
 * wrap from 65535 to 0. The retransmission interval follows the measured round trip.
 */
final class Transfer implements Runnable {

    /**
     * Clients retransmit their last ACK after their own timeout (atftp: 5 s, curl: 6 s) counted from the last
     * packet they received, and some only ever do that (atftp ignores repeated blocks it already has). So
     * the backed-off interval must outgrow the client's timeout: one second more than the {@code timeout}
     * option, or than 5 s when the client sent none.
     */
    static long capNanos(int timeoutOptionSeconds) {
        return TimeUnit.SECONDS.toNanos(Math.max(timeoutOptionSeconds, 5) + 1L);
    }

    /** What the client reads when this server's own code failed; the log line has the story. */
    static final String BUG_MESSAGE = "bootproxy: internal error, see its log";

    /** Ends a transfer without sending anything more. */
    private static final class Stop extends Exception {
        final Outcome outcome;

        Stop(Outcome outcome, String reason) {
            super(reason);
            this.outcome = outcome;
        }
    }

    private final ReadRequest request;
    private final TftpFiles files;
    private final TftpSettings settings;
    private final TransferLog log;
    private final Consumer<Transfer> done;
    private final OnFatalError onFatal;

    private volatile Link link;
    private volatile boolean stopping;
    /** The OACK, or DATA 1 when there is none: sent again when the client repeats its request. */
    private volatile byte[] firstReply;
    private volatile boolean acknowledged;
    private final AtomicInteger repeats = new AtomicInteger();
    // results, for the log line; touched only by the transfer's thread
    private String file = "";
    private String source = "";
    private String negotiatedText = "";
    private Map<String, String> fields = Map.of();
    private long bytes;
    private int retransmits;

    Transfer(ReadRequest request, TftpFiles files, TftpSettings settings, TransferLog log, OnFatalError onFatal,
             Consumer<Transfer> done) {
        this.request = request;
        this.files = files;
        this.settings = settings;
        this.log = log;
        this.onFatal = onFatal;
        this.done = done;
    }

    ReadRequest request() {
        return request;
    }

    /**
     * The client sent its request again (from the listener's thread): it did not get our first reply, so
     * that reply goes out again at once, from the transfer's port. Later repeats are ignored.
     */
    void clientRepeatedRequest() {
        byte[] reply = firstReply;
        Link l = link;
        if (reply == null || l == null || acknowledged) {
            return;
        }
        if (l.trySend(reply)) { // if not, the transfer's own timer deals with it
            repeats.incrementAndGet();
        }
    }

    /** Ends the transfer from another thread (server stopping): its socket is closed under it. */
    void abort() {
        stopping = true;
        Link l = link;
        if (l != null) {
            l.close();
        }
    }

    @Override
    public void run() {
        long started = System.nanoTime();
        Outcome outcome;
        String reason;
        Link l = null;
        try {
            file = Packets.printable(request.packet().name());
            l = Link.open(request.local(), settings.transferPorts(), request.client());
            link = l;
            if (stopping) {
                throw new Stop(Outcome.ABORTED, "server stopping");
            }
            serve(l);
            outcome = Outcome.OK;
            reason = "";
        } catch (Stop s) {
            outcome = s.outcome;
            reason = s.getMessage();
        } catch (IOException e) {
            outcome = stopping ? Outcome.ABORTED : Outcome.ERROR;
            reason = stopping ? "server stopping" : "network error: " + e.getMessage();
            if (l == null) {
                sendFromListener(TftpFailure.NOT_DEFINED, "bootproxy: no transfer port free, try again");
            }
        } catch (RuntimeException | Error e) {
            outcome = Outcome.ERROR;
            reason = "internal error: " + e;
            failedOnABug(l, e);
        } finally {
            if (l != null) {
                l.close();
            }
            done.accept(this);
        }
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        log.record(new TransferLog.Entry(request, file, source, negotiatedText, bytes, ms, retransmits + repeats.get(), outcome,
                reason, fields));
    }

    /**
     * A bug, or an {@link Error}, ended this transfer. If the process should not go on (out of memory: {@link OnFatalError}
     * decides, as for HTTP) {@code serve} ends it; otherwise only this transfer ends, with ERROR 0 for the client (from
     * the transfer's port once it has one, which is the only port the client still listens to) and a log line naming
     * client and file. The thread goes back to the pool: other transfers are not affected.
     */
    private void failedOnABug(Link l, Throwable e) {
        OnFatalError.in(e).ifPresent(error -> onFatal.fatal("TFTP transfer of " + file + " for "
                + request.client().getAddress().getHostAddress() + ":" + request.client().getPort(), error));
        log.bug(request, e);
        if (l == null) {
            sendFromListener(TftpFailure.NOT_DEFINED, BUG_MESSAGE);
            return;
        }
        try {
            l.send(Packets.error(l.client(), TftpFailure.NOT_DEFINED, BUG_MESSAGE));
        } catch (IOException | Link.ClientGone | RuntimeException ignored) {
            // best effort: the client times out and asks again
        }
    }

    private void serve(Link l) throws IOException, Stop {
        TftpFiles.Opened opened = null;
        try {
            Negotiated agreed;
            try {
                RootName name = RootName.ofTftp(request.packet().nameBytes());
                file = Packets.printable(name.path());
                opened = files.open(name, request.client().getAddress().getHostAddress(), request.packet().netascii());
                source = opened.source();
                fields = opened.fields();
                agreed = negotiate(opened.content().size());
            } catch (RootName.BadName e) {
                throw fail(l, TftpFailure.denied(e.getMessage()));
            } catch (TftpFailure f) {
                throw fail(l, f);
            }
            RetransmitTimer timer = new RetransmitTimer(settings.initialTimeout().toNanos(), capNanos(agreed.timeoutSeconds()));
            if (agreed.hasOack()) {
                awaitOptionAck(l, Packets.oack(agreed.oack()), timer);
            }
            sendBlocks(l, opened.content(), agreed, timer);
        } finally {
            if (opened != null) {
                try {
                    opened.content().close();
                } catch (IOException ignored) {
                    // read-only file: nothing lost
                }
            }
        }
    }

    private Negotiated negotiate(long size) throws TftpFailure {
        Map<String, String> asked = request.packet().options();
        try {
            Negotiated n = OptionNegotiation.negotiate(asked, size, settings.maxBlksize(), settings.maxWindowsize());
            negotiatedText = n.hasOack() ? OptionNegotiation.describe(n.oack()) : "";
            return n;
        } catch (OptionNegotiation.Refused e) {
            throw new TftpFailure(TftpFailure.OPTION_REFUSED, Packets.printable(e.getMessage()), Outcome.DENIED,
                    "options refused: " + e.getMessage());
        }
    }

    private Stop fail(Link l, TftpFailure f) throws IOException {
        try {
            l.send(Packets.error(l.client(), f.code(), f.clientMessage()));
        } catch (Link.ClientGone gone) {
            // nobody to tell
        }
        return new Stop(f.outcome(), f.getMessage());
    }

    private void sendFromListener(int code, String message) {
        try {
            request.listener().send(Packets.error(request.client(), code, message));
        } catch (IOException | RuntimeException ignored) {
            // best effort: the client will ask again
        }
    }

    /**
     * RFC 2347: after an OACK the data starts only when the client sends ACK 0; the OACK is sent again on
     * timeout, as tftp-hpa does (atftp's client aborts when it sees a second OACK: its bug, with any server),
     * and at once when the client repeats its request ({@link #clientRepeatedRequest}).
     */
    private void awaitOptionAck(Link l, byte[] oack, RetransmitTimer timer) throws IOException, Stop {
        int timeouts = 0;
        long sentAt = System.nanoTime();
        long lastSentAt = sentAt;
        boolean resent = false;
        firstReply = oack;
        send(l, oack, oack.length);
        long deadline = sentAt + timer.currentNanos();
        while (true) {
            Packets.Packet p;
            try {
                p = l.receive(deadline);
            } catch (Link.ClientGone gone) {
                throw new Stop(Outcome.ABORTED, "the client went away before acknowledging the OACK");
            }
            long now = System.nanoTime();
            if (p == null) {
                if (++timeouts > settings.maxRetries() || now - sentAt > settings.idleTimeout().toNanos()) {
                    throw new Stop(Outcome.ABORTED, "no ACK for the OACK after " + timeouts + " tries");
                }
                timer.backoff();
                send(l, oack, oack.length);
                lastSentAt = System.nanoTime();
                retransmits++;
                resent = true;
                deadline = now + timer.currentNanos();
            } else if (p instanceof Packets.Ack a && a.block() == 0) {
                acknowledged = true;
                // after a resend (ours, or for a repeated request) it may answer either copy
                timer.acknowledged(now - lastSentAt, !resent && repeats.get() == 0);
                return;
            } else if (p instanceof Packets.Error e) {
                throw new Stop(Outcome.ABORTED, "client answered the OACK with ERROR " + e.code() + " '" + e.message() + "'"
                        + (e.code() == TftpFailure.OPTION_REFUSED
                        ? " (normal for UEFI firmware: it learns the size this way, then asks again)" : ""));
            }
        }
    }

    /** The socket loop around {@link SendWindow}, which holds every RFC 7440 rule. */
    private void sendBlocks(Link l, Content content, Negotiated agreed, RetransmitTimer timer) throws IOException, Stop {
        BlockReader blocks = new BlockReader(content, agreed.blksize());
        SendWindow window = new SendWindow(blocks.last(), agreed.windowsize(), settings.maxRetries(),
                settings.idleTimeout().toNanos(), System.nanoTime());
        while (!window.finished()) {
            for (long n = window.toSend(); n > 0; n = window.toSend()) {
                int length = blocks.load(n);
                if (n == 1 && firstReply == null) {
                    firstReply = Arrays.copyOf(blocks.packet(), length);
                }
                send(l, blocks.packet(), length);
                if (window.sent(n, System.nanoTime())) {
                    retransmits++;
                }
            }
            blocks.prefetch(window.next());
            Packets.Packet p = receive(l, window, blocks.size(), timer);
            long now = System.nanoTime();
            if (p == null) {
                if (window.timeout(now) == SendWindow.Timeout.GIVE_UP) {
                    throw new Stop(Outcome.ABORTED, window.lastSent() && window.acknowledged() == window.last() - 1
                            ? "no ACK for the last block (the client may have finished and lost its final ACK)"
                            : "no ACK after block " + window.acknowledged() + " of " + window.last() + " ("
                            + (window.timeouts() - 1) + " retransmissions)");
                }
                timer.backoff();
            } else if (p instanceof Packets.Error e) {
                throw new Stop(Outcome.ABORTED, "client sent ERROR " + e.code() + " '" + e.message() + "' after block "
                        + window.acknowledged());
            } else if (p instanceof Packets.Ack a) {
                SendWindow.Ack result = window.ack(a.block(), now);
                if (result == SendWindow.Ack.SLID || result == SendWindow.Ack.GAP) {
                    acknowledged = true;
                    // DATA 1 also went out for a repeated request: its ACK may answer either copy
                    timer.acknowledged(window.sinceLastCopy(),
                            window.roundTrip() >= 0 && !(window.acknowledged() == 1 && repeats.get() > 0));
                    bytes = Math.min(blocks.size(), window.acknowledged() * agreed.blksize());
                }
            }
        }
        bytes = blocks.size();
    }

    private Packets.Packet receive(Link l, SendWindow window, long size, RetransmitTimer timer) throws IOException, Stop {
        try {
            return l.receive(window.deadline(timer.currentNanos()));
        } catch (Link.ClientGone gone) {
            if (window.lastSent()) {
                bytes = size;
                throw new Stop(Outcome.OK, "the client left after the last block: its final ACK was lost");
            }
            throw new Stop(Outcome.ABORTED, "the client went away after block " + window.acknowledged() + " of " + window.last());
        }
    }

    private void send(Link l, byte[] buf, int len) throws IOException, Stop {
        try {
            l.send(buf, len);
        } catch (Link.ClientGone gone) {
            throw new Stop(Outcome.ABORTED, "the client went away");
        }
    }

}
