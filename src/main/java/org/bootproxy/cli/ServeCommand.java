package org.bootproxy.cli;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.Overrides;
import org.bootproxy.config.Settings;
import org.bootproxy.events.EventLog;
import org.bootproxy.http.Cidr;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettings;
import org.bootproxy.tftp.TftpServer;
import org.bootproxy.tftp.TftpSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bootproxy serve}: the server. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {
            "Serve TFTP (pxelinux.0, rendered pxelinux.cfg/01-<mac>, …) and HTTP (/unattended/iPXE, /unattended/provision,",
            "/unattended/built, /userdata, /pub, /healthz) for one provisioning segment until stopped (Ctrl-C or SIGTERM).",
            "Settings come from --config FILE, overridden by these flags. Binding TFTP port 69 needs root or",
            "CAP_NET_BIND_SERVICE; if TFTP cannot start, HTTP keeps running and the error says why."})
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    CommonOptions common;

    @Option(names = "--http-address", paramLabel = "HOST:PORT",
            description = "Where HTTP listens (config key: http_address). Default: " + Settings.DEFAULT_HTTP)
    String httpAddress;

    @Option(names = "--tftp-address", paramLabel = "HOST:PORT",
            description = "Where TFTP listens (config key: tftp_address). Default: " + Settings.DEFAULT_TFTP
                    + ". Bind the provisioning address: replies then come from the address PXE ROMs expect")
    String tftpAddress;

    @Option(names = "--tftp-root", paramLabel = "DIR",
            description = "Static TFTP files: pxelinux.0, ldlinux.c32, ipxe.lkrn, … (config key: tftproot). Default: ./tftpboot."
                    + " Fill it with 'bootproxy bootfiles'. A file here wins over a rendered one of the same name")
    String tftpRoot;

    @Option(names = "--assets", paramLabel = "DIR",
            description = "Files served under /pub/ over HTTP, e.g. kernels and initrds (config key: assets). Default: none")
    String assets;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL machines reach this server at, written into chain URLs and kernel command lines"
                    + " (config key: template_url). Default: http://<http address> (for 0.0.0.0, this machine's first IPv4)")
    String publicUrl;

    @Override
    public Integer call() throws InterruptedException {
        Settings s = common.resolve(new Overrides(httpAddress, tftpAddress, tftpRoot, null, null, assets, null, publicUrl));
        EventLog events = new EventLog(4096, 100);
        Components c = Components.build(s, events);

        LOG.info("bootproxy {} starting", VersionProvider.version());
        LOG.info("config:    {}", common.config == null ? "none (defaults and flags)" : common.config);
        LOG.info("inventory: {}", c.inventory().describe());
        c.problems().forEach(p -> LOG.error("host file problem: {}", p));
        LOG.info("templates: {} ({} templates)", s.templates(), c.renderer().names().size());
        LOG.info("state:     {}", s.stateDir());
        if (s.publicUrlDerived()) {
            LOG.warn("public URL {} was derived from the HTTP address; if machines reach this server at another address,"
                    + " set --public-url (config key template_url)", s.publicUrl());
        } else {
            LOG.info("public URL: {}", s.publicUrl());
        }

        HttpServer http = new HttpServer(c.boot(), httpSettings(s), events);
        try {
            http.start();
        } catch (RuntimeException e) {
            LOG.error("HTTP cannot listen on {}: {} (is another process using the port? choose another with --http-address)",
                    s.httpAddress(), rootMessage(e));
            return 2;
        }
        LOG.info("HTTP:      listening on {}", s.httpAddress());

        TftpServer tftp = null;
        if (s.tftp().enabled()) {
            tftp = new TftpServer(c.boot(), events, tftpSettings(s));
            try {
                tftp.start();
                LOG.info("TFTP:      listening on {}, root {}", s.tftpAddress(), s.tftpRoot().toAbsolutePath());
            } catch (IOException | RuntimeException e) {
                LOG.error("TFTP cannot listen on {}: {}. Port 69 needs root or CAP_NET_BIND_SERVICE"
                        + " (setcap 'cap_net_bind_service=+ep' on java), or test with --tftp-address 0.0.0.0:6969."
                        + " HTTP keeps running.", s.tftpAddress(), rootMessage(e));
                tftp = null;
            }
        } else {
            LOG.info("TFTP:      disabled (tftp.enabled: false)");
        }
        LOG.info("ready: hand iPXE clients {}/unattended/iPXE?bootstrap=1 and PXE clients pxelinux.0 (next-server {})",
                s.publicUrl(), s.tftpAddress().host());

        CountDownLatch stopped = new CountDownLatch(1);
        TftpServer tftpToStop = tftp;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            if (tftpToStop != null) {
                tftpToStop.stop();
            }
            http.stop();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    static HttpSettings httpSettings(Settings s) {
        List<Cidr> proxies = s.trustedProxies().stream().map(p -> {
            try {
                return Cidr.parse(p);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("trusted_proxies: '" + p + "' is not an address or CIDR (e.g. 10.0.0.5 or 10.0.0.0/24)");
            }
        }).toList();
        return new HttpSettings(s.httpAddress().host(), s.httpAddress().port(), proxies, s.assets());
    }

    static TftpSettings tftpSettings(Settings s) {
        InetAddress address;
        try {
            address = InetAddress.getByName(s.tftpAddress().host());
        } catch (UnknownHostException e) {
            throw new ConfigException("tftp_address: cannot resolve '" + s.tftpAddress().host()
                    + "'; give an IP address of this machine, e.g. 192.0.2.1:69");
        }
        var t = s.tftp();
        return TftpSettings.defaults()
                .withAddress(address, s.tftpAddress().port())
                .withRoot(s.tftpRoot())
                .withLimits(t.maxBlksize(), t.maxWindowsize(), t.maxTransfers())
                .withTimers(Duration.ofMillis(t.timeoutMs()), t.retries(), TftpSettings.DEFAULT_IDLE_TIMEOUT);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
