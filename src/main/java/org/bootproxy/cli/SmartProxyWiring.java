package org.bootproxy.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.SmartProxyConfig;
import org.bootproxy.http.Cidr;
import org.bootproxy.http.HttpSettings;
import org.bootproxy.inventory.upstream.Tls;
import org.bootproxy.smartproxy.ModuleStates;
import org.bootproxy.smartproxy.SmartProxy;
import org.bootproxy.smartproxy.SmartProxySettings;
import org.bootproxy.smartproxy.TrustedHosts;

/** Turns the smart-proxy settings (ssl_*, trusted_hosts, foreman_url, …) into the objects that serve them. */
final class SmartProxyWiring {

    private SmartProxyWiring() {
    }

    /** The proxy's certificate, key and CA from ssl_certificate, ssl_private_key and ssl_ca_file; empty without HTTPS. */
    static Optional<SSLContext> tls(BootproxyConfig s) {
        return s.smartProxy().https().map(h -> StartupErrors.asConfigError(() -> Tls.context("ssl_ca_file",
                h.caFile().toString(), "ssl_certificate", h.certificate().toString(), "ssl_private_key",
                h.privateKey().toString())));
    }

    static Optional<HttpSettings.Https> https(BootproxyConfig s, Optional<SSLContext> tls) {
        return s.smartProxy().https().flatMap(h -> tls.map(ctx -> new HttpSettings.Https(h.address().host(), h.address().port(), ctx)));
    }

    static SmartProxy smartProxy(BootproxyConfig s, ModuleStates states, Optional<SSLContext> tls) {
        SmartProxyConfig p = s.smartProxy();
        return new SmartProxy(new SmartProxySettings(s.tftpRoot(), p.tftpServername(), s.publicUrl(), p.foremanUrl(),
                trustedHosts(p.trustedHosts()), VersionProvider.version(), p.https().map(h -> h.address().port()),
                SmartProxySettings.Timeouts.DEFAULTS), states, tls);
    }

    /**
     * Entries with the shape of an address or CIDR are networks (they match plain-HTTP clients) and names too
     * (a certificate may carry an address as its CN); the rest are certificate names.
     */
    static TrustedHosts trustedHosts(Optional<List<String>> entries) {
        if (entries.isEmpty()) {
            return TrustedHosts.notSet();
        }
        Set<String> names = new LinkedHashSet<>();
        List<Cidr> networks = new ArrayList<>();
        for (String e : entries.get()) {
            if (e.contains("/") || e.contains(":") || e.matches("[0-9.]+")) {
                try {
                    networks.add(Cidr.parse(e));
                } catch (IllegalArgumentException ex) {
                    throw new ConfigException("trusted_hosts: '" + e + "' is not an address or CIDR (e.g. 192.0.2.10 or"
                            + " 192.0.2.0/24); certificate names are written as host names such as foreman.example.com");
                }
            }
            names.add(e);
        }
        List<Cidr> nets = List.copyOf(networks);
        return new TrustedHosts(true, names, address -> nets.stream().anyMatch(n -> n.contains(address)));
    }
}
