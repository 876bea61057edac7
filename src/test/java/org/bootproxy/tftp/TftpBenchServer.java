package org.bootproxy.tftp;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.bootproxy.boot.BootEvents;

/**
 * Runs the TFTP server alone for bench/tftp.sh: {@code TftpBenchServer ADDRESS:PORT ROOT [MAX_TRANSFERS]}.
 * The hosts are the test fakes, so per-MAC files render without an inventory.
 */
public final class TftpBenchServer {
    private TftpBenchServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: TftpBenchServer ADDRESS:PORT ROOT [MAX_TRANSFERS]");
            System.exit(2);
        }
        InetSocketAddress bind = TftpSettings.parseAddress(args[0]);
        TftpSettings s = TftpSettings.defaults().withAddress(bind.getAddress(), bind.getPort()).withRoot(Path.of(args[1]));
        if (args.length > 2) {
            s = s.withLimits(s.maxBlksize(), s.maxWindowsize(), Integer.parseInt(args[2]));
        }
        TftpServer server = new TftpServer(TestBoot.boot(), BootEvents.NONE, s);
        server.start();
        System.out.println("listening " + server.listening());
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        new CountDownLatch(1).await();
    }
}
