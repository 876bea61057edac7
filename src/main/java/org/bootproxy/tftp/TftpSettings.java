package org.bootproxy.tftp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the TFTP server listens and behaves, already validated.
 *
 * @param address        address to listen on; the wildcard (0.0.0.0) means one socket per local address,
 *                       so every reply leaves from the address its request was sent to (pxelinux ignores
 *                       replies from any other address)
 * @param port           UDP port to listen on (69; 0 picks a free one, for tests)
 * @param root           the static root every client path resolves under (default ./tftpboot)
 * @param maxBlksize     largest block size granted (RFC 2348); 1468 fills a 1500-byte Ethernet frame,
 *                       lower it for VLANs or tunnels so blocks are never fragmented
 * @param maxWindowsize  largest RFC 7440 window granted
 * @param maxTransfers   transfers running at once; further requests wait in a queue of the same length,
 *                       beyond that they are dropped and the client asks again
 * @param initialTimeout retransmission timeout before the first round trip is measured; afterwards it
 *                       follows the measured round trip (never below 20 ms) and doubles on each loss, up to
 *                       one second more than the client's own timeout (its {@code timeout} option, else 5 s)
 * @param maxRetries     retransmissions in a row without an answer before a transfer is given up (10: about
 *                       20 s of silence on a LAN)
 * @param idleTimeout    a transfer that makes no progress for this long is ended whatever its retries
 * @param transferPorts  local ports for transfer sockets ({@link PortRange#ANY}: ephemeral)
 * @param maxTransfersPerClient transfers one client address may have running or waiting at once; a request
 *                       past that gets an ERROR at once, so one address cannot take every slot
 */
public record TftpSettings(
        InetAddress address,
        int port,
        Path root,
        int maxBlksize,
        int maxWindowsize,
        int maxTransfers,
        Duration initialTimeout,
        int maxRetries,
        Duration idleTimeout,
        PortRange transferPorts,
        int maxTransfersPerClient) {

    public static final int DEFAULT_PORT = 69;
    /** 1500-byte Ethernet MTU − 20 IP − 8 UDP − 4 TFTP header. */
    public static final int DEFAULT_MAX_BLKSIZE = 1468;
    public static final int DEFAULT_MAX_WINDOWSIZE = 64;
    public static final int DEFAULT_MAX_TRANSFERS = 500;
    public static final Duration DEFAULT_INITIAL_TIMEOUT = Duration.ofMillis(500);
    public static final int DEFAULT_MAX_RETRIES = 10;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * A PXE client fetches one file at a time; a machine that rebooted mid-transfer leaves its old transfer
     * behind for up to the idle timeout. Eight leaves room for that and for a few machines behind one address.
     */
    public static final int DEFAULT_MAX_TRANSFERS_PER_CLIENT = 8;

    public TftpSettings {
        Objects.requireNonNull(address, "tftp address");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TFTP port must be 0..65535, not " + port);
        }
        root = Objects.requireNonNull(root, "tftp root").toAbsolutePath().normalize();
        if (maxBlksize < 8 || maxBlksize > 65464) {
            throw new IllegalArgumentException("TFTP max blksize must be 8..65464 (RFC 2348; 1468 fits a 1500-byte MTU), not "
                    + maxBlksize);
        }
        if (maxWindowsize < 1 || maxWindowsize > 65535) {
            throw new IllegalArgumentException("TFTP max windowsize must be 1..65535 (RFC 7440), not " + maxWindowsize);
        }
        if (maxTransfers < 1 || maxTransfers > 100_000) {
            throw new IllegalArgumentException("TFTP max transfers must be 1..100000, not " + maxTransfers);
        }
        Objects.requireNonNull(initialTimeout, "tftp initial timeout");
        if (initialTimeout.toMillis() < 1 || initialTimeout.toSeconds() > 255) {
            throw new IllegalArgumentException("TFTP initial timeout must be 1 ms..255 s, not " + initialTimeout);
        }
        if (maxRetries < 1 || maxRetries > 100) {
            throw new IllegalArgumentException("TFTP max retries must be 1..100, not " + maxRetries);
        }
        Objects.requireNonNull(idleTimeout, "tftp idle timeout");
        if (idleTimeout.compareTo(initialTimeout) < 0) {
            throw new IllegalArgumentException("TFTP idle timeout (" + idleTimeout + ") must not be shorter than the initial timeout ("
                    + initialTimeout + ")");
        }
        transferPorts = transferPorts == null ? PortRange.ANY : transferPorts;
        if (maxTransfersPerClient < 1 || maxTransfersPerClient > 100_000) {
            throw new IllegalArgumentException("TFTP max transfers per client must be 1..100000, not " + maxTransfersPerClient);
        }
    }

    /** Everything at its default: all addresses, port 69, ./tftpboot. */
    public static TftpSettings defaults() {
        return new TftpSettings(new InetSocketAddress(0).getAddress(), DEFAULT_PORT, Path.of("tftpboot"),
                DEFAULT_MAX_BLKSIZE, DEFAULT_MAX_WINDOWSIZE, DEFAULT_MAX_TRANSFERS, DEFAULT_INITIAL_TIMEOUT,
                DEFAULT_MAX_RETRIES, DEFAULT_IDLE_TIMEOUT, PortRange.ANY, DEFAULT_MAX_TRANSFERS_PER_CLIENT);
    }

    public TftpSettings withAddress(InetAddress newAddress, int newPort) {
        return new TftpSettings(newAddress, newPort, root, maxBlksize, maxWindowsize, maxTransfers, initialTimeout,
                maxRetries, idleTimeout, transferPorts, maxTransfersPerClient);
    }

    public TftpSettings withRoot(Path newRoot) {
        return new TftpSettings(address, port, newRoot, maxBlksize, maxWindowsize, maxTransfers, initialTimeout,
                maxRetries, idleTimeout, transferPorts, maxTransfersPerClient);
    }

    public TftpSettings withLimits(int newMaxBlksize, int newMaxWindowsize, int newMaxTransfers) {
        return new TftpSettings(address, port, root, newMaxBlksize, newMaxWindowsize, newMaxTransfers, initialTimeout,
                maxRetries, idleTimeout, transferPorts, maxTransfersPerClient);
    }

    public TftpSettings withTimers(Duration newInitialTimeout, int newMaxRetries, Duration newIdleTimeout) {
        return new TftpSettings(address, port, root, maxBlksize, maxWindowsize, maxTransfers, newInitialTimeout,
                newMaxRetries, newIdleTimeout, transferPorts, maxTransfersPerClient);
    }

    public TftpSettings withTransferPorts(PortRange range) {
        return new TftpSettings(address, port, root, maxBlksize, maxWindowsize, maxTransfers, initialTimeout,
                maxRetries, idleTimeout, range, maxTransfersPerClient);
    }

    public TftpSettings withMaxTransfersPerClient(int perClient) {
        return new TftpSettings(address, port, root, maxBlksize, maxWindowsize, maxTransfers, initialTimeout,
                maxRetries, idleTimeout, transferPorts, perClient);
    }

    /**
     * Parses {@code HOST:PORT}, {@code :PORT}, {@code HOST} or {@code [v6]:PORT} as used by {@code --tftp-address}.
     */
    public static InetSocketAddress parseAddress(String text) {
        String t = Objects.requireNonNull(text, "address").trim();
        String host = t;
        int port = DEFAULT_PORT;
        int colon = t.lastIndexOf(':');
        boolean bracketed = t.startsWith("[");
        if (colon >= 0 && (bracketed ? t.indexOf(']') < colon : t.indexOf(':') == colon)) {
            host = t.substring(0, colon);
            try {
                port = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TFTP address must look like 192.0.2.1:69 or :69, not '" + text + "'");
            }
        }
        if (bracketed) {
            host = host.replace("[", "").replace("]", "");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("TFTP port must be 0..65535 in '" + text + "'");
        }
        InetSocketAddress a = host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("TFTP address: cannot resolve '" + host + "' (give an IP address of this machine)");
        }
        return a;
    }
}
