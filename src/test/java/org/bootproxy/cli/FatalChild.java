package org.bootproxy.cli;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.fakes.EmptyInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.fakes.NamingRenderer;
import org.bootproxy.fakes.ThrowingInventory;
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettingsBuilder;
import org.bootproxy.render.TemplateFixtures;
import org.bootproxy.support.Route;
import org.bootproxy.tftp.PortRange;
import org.bootproxy.tftp.TftpServer;
import org.bootproxy.tftp.TftpSettings;

/**
 * A process for {@link ExitOnFatalErrorTest}: it installs serve's {@link ExitOnFatalError} and then meets an injected
 * fatal error, in an HTTP handler ({@code handler}), in a TFTP transfer ({@code tftp}) or in a thread of its own
 * ({@code thread}). It must not get to its last line.
 */
final class FatalChild {
    private FatalChild() {
    }

    public static void main(String[] args) throws Exception {
        ExitOnFatalError onFatal = new ExitOnFatalError();
        onFatal.watchAllThreads();
        if (args[0].equals("tftp")) {
            outOfMemoryInATftpTransfer(onFatal);
        } else if (args[0].equals("thread")) {
            Thread t = new Thread(() -> {
                throw new OutOfMemoryError("injected: unable to create native thread");
            }, "tftp-transfer");
            t.start();
            t.join();
        } else {
            BootService boot = new BootService(new EmptyInventory(), NamingRenderer.standard(), new MemoryBuildStates(),
                    BootEvents.NONE, TemplateFixtures.settings(), Clock.systemUTC());
            HttpServer http = new HttpServer(boot, HttpSettingsBuilder.loopback().build(), BootEvents.NONE, Clock.systemUTC(),
                    new HttpExtensions(List.of(Route.<io.javalin.http.Handler>get("/oom", "ipxe", Route.Style.IPXE, ctx -> {
                        throw new OutOfMemoryError("injected: Java heap space");
                    })), Optional.empty()), onFatal);
            http.start();
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/oom"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        Thread.sleep(5000);
        System.out.println("still running");
        System.exit(0);
    }

    /** serve's TFTP server, whose inventory runs out of memory when a machine asks for its pxelinux config. */
    private static void outOfMemoryInATftpTransfer(ExitOnFatalError onFatal) throws Exception {
        BootService boot = new BootService(new ThrowingInventory(() -> new OutOfMemoryError("injected: Java heap space")),
                NamingRenderer.standard(), new MemoryBuildStates(), BootEvents.NONE, TemplateFixtures.settings(), Clock.systemUTC());
        Path root = Files.createTempDirectory("fatal-child-tftp");
        TftpServer tftp = new TftpServer(boot, BootEvents.NONE, new TftpSettings(InetAddress.getLoopbackAddress(), 0, root, 1468,
                64, 10, Duration.ofMillis(500), 10, Duration.ofSeconds(30), PortRange.ANY, 8), Clock.systemUTC(), onFatal);
        tftp.start();
        byte[] rrq = "\0\1pxelinux.cfg/01-52-54-00-aa-00-01\0octet\0".getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            client.send(new DatagramPacket(rrq, rrq.length, InetAddress.getLoopbackAddress(), tftp.port()));
        }
    }
}
