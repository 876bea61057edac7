package org.bootproxy.http.load;

import java.time.Clock;
import java.util.Optional;
import org.bootproxy.fakes.Hosts;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootService;
import org.bootproxy.fakes.FixedInventory;
import org.bootproxy.fakes.MemoryBuildStates;
import org.bootproxy.http.HttpExtensions;
import org.bootproxy.http.HttpServer;
import org.bootproxy.http.HttpSettings;
import org.bootproxy.http.HttpSettingsBuilder;
import org.bootproxy.render.ShippedTemplates;
import org.bootproxy.render.TemplateFixtures;
import org.bootproxy.smartproxy.SmartProxy;

/**
 * bootproxy's HTTP side on a free loopback port, rendering the shipped templates for alma01 (a known, in-build
 * host), optionally with the smart-proxy module in front as {@code serve} wires it. Close it to stop everything.
 */
final class LoadServer implements AutoCloseable {
    /** What a machine bootproxy knows asks first: its iPXE script, rendered from the shipped ipxe/kickstart. */
    static final String KNOWN_IPXE = "/unattended/iPXE?mac=" + Hosts.ALMA01_MAC.colons();
    /** A line only the real script has (the retry script has none of it). */
    static final String KNOWN_IPXE_MARK = "alma01.example.com";

    final HttpServer server;
    final BootService boot;
    private final Optional<SmartProxy> proxy;

    LoadServer(HttpSettings settings) {
        this(settings, Optional.empty());
    }

    LoadServer(HttpSettings settings, Optional<SmartProxy> proxy) {
        this.proxy = proxy;
        this.boot = new BootService(new FixedInventory(Hosts.ALMA01), ShippedTemplates.renderer(),
                new MemoryBuildStates(), BootEvents.NONE, TemplateFixtures.settings(), Clock.systemUTC());
        HttpExtensions extensions = proxy.map(p -> new HttpExtensions(p.routes(), p.unattendedFallback()))
                .orElse(HttpExtensions.NONE);
        this.server = new HttpServer(boot, settings, BootEvents.NONE, Clock.systemUTC(), extensions);
        server.start();
        // the first answers load templates and classes (a second or more on a busy machine): not what is measured
        for (int i = 0; i < 20; i++) {
            NormalClient.ask(port(), KNOWN_IPXE);
            NormalClient.ask(port(), "/healthz");
        }
    }

    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop();
        proxy.ifPresent(SmartProxy::close);
    }
}
