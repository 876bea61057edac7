package org.bootproxy.tftp;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** TFTP settings for tests: 127.0.0.1 on a free port and the config's defaults, unless a test says otherwise. */
final class TftpSettingsBuilder {
    private final Path root;
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private int maxBlksize = 1468;
    private int maxWindowsize = 64;
    private int maxTransfers = 500;
    private Duration initialTimeout = Duration.ofMillis(500);
    private int maxRetries = 10;
    private Duration idleTimeout = TftpSettings.DEFAULT_IDLE_TIMEOUT;
    private int maxTransfersPerClient = TftpSettings.DEFAULT_MAX_TRANSFERS_PER_CLIENT;
    private Optional<Path> pubRoot = Optional.empty();

    private TftpSettingsBuilder(Path root) {
        this.root = root;
    }

    static TftpSettingsBuilder serving(Path root) {
        return new TftpSettingsBuilder(root);
    }

    TftpSettingsBuilder listen(InetAddress newAddress, int newPort) {
        this.address = newAddress;
        this.port = newPort;
        return this;
    }

    TftpSettingsBuilder limits(int newMaxBlksize, int newMaxWindowsize, int newMaxTransfers) {
        this.maxBlksize = newMaxBlksize;
        this.maxWindowsize = newMaxWindowsize;
        this.maxTransfers = newMaxTransfers;
        return this;
    }

    TftpSettingsBuilder maxTransfers(int n) {
        this.maxTransfers = n;
        return this;
    }

    TftpSettingsBuilder maxTransfersPerClient(int n) {
        this.maxTransfersPerClient = n;
        return this;
    }

    TftpSettingsBuilder timers(Duration newInitialTimeout, int newMaxRetries, Duration newIdleTimeout) {
        this.initialTimeout = newInitialTimeout;
        this.maxRetries = newMaxRetries;
        this.idleTimeout = newIdleTimeout;
        return this;
    }

    /** The assets folder, served as {@code pub/<path>}. */
    TftpSettingsBuilder pub(Path assets) {
        this.pubRoot = Optional.of(assets);
        return this;
    }

    TftpSettings build() {
        return new TftpSettings(address, port, root, maxBlksize, maxWindowsize, maxTransfers, initialTimeout, maxRetries,
                idleTimeout, PortRange.ANY, maxTransfersPerClient, pubRoot);
    }
}
