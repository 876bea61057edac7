package org.bootproxy.tftp;

import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.OnFatalError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The TFTP server: RFC 1350 with RFC 2347 options ({@code blksize}, {@code tsize}, {@code timeout}) and
 * RFC 7440 windows, read-only, serving the static root and the files {@link BootService} renders.
 *
 * <p>Threads: one listener per listening socket, and one thread per running transfer from a pool of
 * {@link TftpSettings#maxTransfers()} (idle threads exit after a few seconds). Requests beyond that wait
 * in a queue as long as the pool; past that they are dropped and the client asks again. A client that
 * repeats a request whose transfer is already under way is not given a second transfer. One address may
 * hold at most {@link TftpSettings#maxTransfersPerClient()} of those slots; past that it gets an ERROR.
 *
 * <p>When the address is the wildcard, one socket is opened per local address, because plain Java cannot
 * tell which address a datagram was sent to and pxelinux only accepts replies from the address it asked.
 * Addresses added after start are not served: bind the provisioning address explicitly if they change.
 */
public final class TftpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TftpServer.class);
    private static final long IDLE_THREAD_SECONDS = 2;
    private static final long DROP_WARNING_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TftpSettings settings;
    private final TftpFiles files;
    private final TransferLog log;
    private final OnFatalError onFatal;
    private final ConcurrentHashMap<InetSocketAddress, Transfer> active = new ConcurrentHashMap<>();
    private final List<RequestListener> listeners = new ArrayList<>();
    private final ClientShare shares;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastDropWarning = new AtomicLong(System.nanoTime() - DROP_WARNING_EVERY_NANOS);
    private final AtomicLong overShare = new AtomicLong();
    private final AtomicLong lastShareWarning = new AtomicLong(System.nanoTime() - DROP_WARNING_EVERY_NANOS);
    private ThreadPoolExecutor pool;
    private volatile int port = -1;

    public TftpServer(BootService boot, BootEvents events, TftpSettings settings) {
        this(boot, events, settings, Clock.systemUTC());
    }

    /** For tests and previews: a fatal error is only logged, the process is not ended. */
    public TftpServer(BootService boot, BootEvents events, TftpSettings settings, Clock clock) {
        this(boot, events, settings, clock,
                (where, cause) -> LOG.error("fatal error in {} (this server does not end the process)", where, cause));
    }

    /**
     * @param onFatal what an error the process should not survive does (out of memory in a transfer or a listener;
     *                {@link OnFatalError#in} tells); the composition root ends the process
     */
    public TftpServer(BootService boot, BootEvents events, TftpSettings settings, Clock clock, OnFatalError onFatal) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.shares = new ClientShare(settings.maxTransfersPerClient());
        this.files = new TftpFiles(new ConfinedRoot(settings.root(), "TFTP root"),
                settings.pubRoot().map(dir -> new ConfinedRoot(dir, "assets folder")), Objects.requireNonNull(boot, "boot"));
        this.log = new TransferLog(Objects.requireNonNull(events, "events"), Objects.requireNonNull(clock, "clock"));
        this.onFatal = Objects.requireNonNull(onFatal, "onFatal");
    }

    /**
     * Opens the listening sockets and starts serving.
     *
     * @throws IOException with a message saying what to do when the port cannot be bound
     */
    public synchronized void start() throws IOException {
        if (pool != null) {
            throw new IllegalStateException("TFTP server already started");
        }
        List<DatagramSocket> sockets = bindAll();
        int max = settings.maxTransfers();
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(max, max, IDLE_THREAD_SECONDS, TimeUnit.SECONDS, new ArrayBlockingQueue<>(max), r -> {
            Thread t = new Thread(r, "tftp-transfer-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
        for (DatagramSocket s : sockets) {
            RequestListener l = new RequestListener(s, this::dispatch, log, onFatal);
            listeners.add(l);
            Thread t = new Thread(l, "tftp-listen-" + l.address());
            t.setDaemon(true);
            t.start();
        }
        port = sockets.get(0).getLocalPort();
        LOG.info("tftp: serving {} on {} (blksize up to {}, windowsize up to {}, {} transfers at once, {} per client address,"
                + " transfer ports {})", settings.root(), listening(), settings.maxBlksize(), settings.maxWindowsize(), max,
                settings.maxTransfersPerClient(), settings.transferPorts());
        if (!Files.isDirectory(settings.root())) {
            LOG.warn("tftp: root {} is not a directory: only rendered files (pxelinux.cfg/…, grub2/…) can be served;"
                    + " run 'bootproxy bootfiles' to create it with the boot loaders", settings.root());
        }
    }

    /** Closes the listeners and ends running transfers. */
    public synchronized void stop() {
        listeners.forEach(RequestListener::close);
        listeners.clear();
        active.values().forEach(Transfer::abort);
        if (pool != null) {
            for (Runnable never : pool.shutdownNow()) { // still queued: they end without a word
                if (never instanceof Transfer t) {
                    active.remove(t.request().client(), t);
                    shares.release(t.request().client().getAddress());
                }
            }
            try {
                if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                    LOG.warn("tftp: transfers still running 5 s after stop");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port listened on (the chosen one when the settings said 0); -1 before start. */
    public int port() {
        return port;
    }

    public synchronized List<InetSocketAddress> listening() {
        return listeners.stream().map(RequestListener::address).toList();
    }

    /** Datagrams that reached the request port(s) since start, whatever they were. */
    public synchronized long requestPortPackets() {
        return listeners.stream().mapToLong(RequestListener::received).sum();
    }

    /** Transfers running or waiting for a thread. */
    public int activeTransfers() {
        return active.size();
    }

    private void dispatch(ReadRequest r) {
        Transfer running = active.get(r.client());
        if (running != null && running.request().sameAs(r)) {
            running.clientRepeatedRequest(); // lost our first reply: no second transfer, the first one answers again
            return;
        }
        InetAddress address = r.client().getAddress();
        if (!shares.claim(address)) {
            refuseOverShare(r);
            return;
        }
        Transfer t = new Transfer(r, files, settings, log, onFatal, done -> {
            active.remove(done.request().client(), done);
            shares.release(address);
        });
        active.put(r.client(), t);
        try {
            pool.execute(t);
        } catch (RejectedExecutionException e) {
            active.remove(r.client(), t);
            shares.release(address);
            long total = dropped.incrementAndGet();
            if (due(lastDropWarning)) {
                LOG.warn("tftp: {} transfers running and {} waiting: dropped the request for {} from {} ({} dropped so far;"
                        + " clients ask again; raise the TFTP max transfers if this persists)",
                        settings.maxTransfers(), settings.maxTransfers(), Packets.printable(r.packet().name()), r.client(), total);
            }
        }
    }

    /**
     * An address over its share gets an ERROR at once rather than a place in the queue: it costs nothing to
     * hold, the client learns at once, and the queue stays free for other machines.
     */
    private void refuseOverShare(ReadRequest r) {
        try {
            r.listener().send(Packets.error(r.client(), TftpFailure.NOT_DEFINED,
                    "bootproxy: too many transfers from your address, try again later"));
        } catch (IOException | RuntimeException ignored) {
            // the client asks again or gives up; nothing to do
        }
        long total = overShare.incrementAndGet();
        if (due(lastShareWarning)) {
            LOG.warn("tftp: {} already has {} transfers running or waiting: refused its request for {} ({} refused so far;"
                    + " raise tftp.max_transfers_per_client if many machines share that address)",
                    r.client().getAddress().getHostAddress(), shares.perClient(), Packets.printable(r.packet().name()), total);
        }
    }

    /** True at most once per {@link #DROP_WARNING_EVERY_NANOS}, so a flood writes one line every few seconds. */
    private static boolean due(AtomicLong last) {
        long now = System.nanoTime();
        long before = last.get();
        return now - before >= DROP_WARNING_EVERY_NANOS && last.compareAndSet(before, now);
    }

    private List<DatagramSocket> bindAll() throws IOException {
        List<InetAddress> addresses = settings.address().isAnyLocalAddress()
                ? localAddresses() : List.of(settings.address());
        List<DatagramSocket> sockets = new ArrayList<>();
        int p = settings.port();
        for (InetAddress a : addresses) {
            try {
                DatagramSocket s = new DatagramSocket(new InetSocketAddress(a, p));
                sockets.add(s);
                p = s.getLocalPort(); // with port 0 every address shares the first one's port
            } catch (SocketException e) {
                if (addresses.size() > 1 && String.valueOf(e.getMessage()).contains("assign requested address")) {
                    LOG.warn("tftp: cannot listen on {}:{}: {} (skipped)", a.getHostAddress(), p, e.getMessage());
                    continue;
                }
                sockets.forEach(DatagramSocket::close);
                throw new BindException("cannot listen for TFTP on " + a.getHostAddress() + ":" + p + ": " + e.getMessage() + hint(e));
            }
        }
        if (sockets.isEmpty()) {
            throw new BindException("cannot listen for TFTP: no local address could be bound");
        }
        return sockets;
    }

    private String hint(SocketException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        if (m.contains("permission")) {
            return " (ports below 1024 need root or CAP_NET_BIND_SERVICE; or choose another port)";
        }
        if (m.contains("in use")) {
            return " (another TFTP server such as tftpd-hpa or dnsmasq is probably running: stop it or choose another port)";
        }
        return "";
    }

    /** Every address of every interface that is up, except IPv6 link-local ones; the wildcard if there are none. */
    private List<InetAddress> localAddresses() throws SocketException {
        List<InetAddress> out = new ArrayList<>();
        for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!ni.isUp()) {
                continue;
            }
            for (InetAddress a : Collections.list(ni.getInetAddresses())) {
                if (!(a instanceof Inet6Address && a.isLinkLocalAddress())) {
                    out.add(a);
                }
            }
        }
        return out.isEmpty() ? List.of(settings.address()) : out;
    }
}
