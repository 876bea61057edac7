package org.bootproxy.tftp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the TFTP server listens and behaves: built once by the composition root from the config (which has
 * checked each value against its key's range), and checked again here against the protocol's limits.
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
 * @param pubRoot        the assets folder HTTP serves under {@code /pub/}: TFTP serves it as {@code pub/<path>} too,
 *                       for boot loaders without HTTP (Debian's GRUB); empty = no {@code pub/}
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
        int maxTransfersPerClient,
        Optional<Path> pubRoot) {

    /** A transfer that makes no progress for this long ends (not configurable: the retries end it sooner). */
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
        pubRoot = pubRoot == null ? Optional.empty() : pubRoot.map(p -> p.toAbsolutePath().normalize());
    }

    /** Without an assets folder: no {@code pub/}. */
    public TftpSettings(InetAddress address, int port, Path root, int maxBlksize, int maxWindowsize, int maxTransfers,
                        Duration initialTimeout, int maxRetries, Duration idleTimeout, PortRange transferPorts,
                        int maxTransfersPerClient) {
        this(address, port, root, maxBlksize, maxWindowsize, maxTransfers, initialTimeout, maxRetries, idleTimeout,
                transferPorts, maxTransfersPerClient, Optional.empty());
    }
}
