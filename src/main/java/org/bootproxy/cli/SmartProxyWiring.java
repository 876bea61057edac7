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
import org.bootproxy.smartproxy.NameResolver;
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

    /**
     * The TLS towards an https foreman_url, as smart-proxy's ForemanRequest sets it up: Foreman's certificate verified
     * against foreman_ssl_ca (else ssl_ca_file), foreman_ssl_cert and foreman_ssl_key (else ssl_certificate and
     * ssl_private_key) presented; empty when none is set (the JVM's trust store, no client certificate).
     */
    static Optional<SSLContext> foremanTls(BootproxyConfig s) {
        SmartProxyConfig.ForemanTls t = s.smartProxy().foremanTls();
        if (t.ca().isEmpty() && t.certificate().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(StartupErrors.asConfigError(() -> Tls.context(key(t.ca(), "foreman_ssl_ca"), file(t.ca()),
                key(t.certificate(), "foreman_ssl_cert"), file(t.certificate()), key(t.privateKey(), "foreman_ssl_key"),
                file(t.privateKey()))));
    }

    private static String key(Optional<SmartProxyConfig.PemFile> pem, String dflt) {
        return pem.map(SmartProxyConfig.PemFile::key).orElse(dflt);
    }

    private static String file(Optional<SmartProxyConfig.PemFile> pem) {
        return pem.map(p -> p.path().toString()).orElse("");
    }

    static SmartProxy smartProxy(BootproxyConfig s, ModuleStates states) {
        return new SmartProxy(settings(s), states, foremanTls(s), NameResolver.SYSTEM);
    }

    /** The smart-proxy API's own settings record, from the config. */
    static SmartProxySettings settings(BootproxyConfig s) {
        SmartProxyConfig p = s.smartProxy();
        return new SmartProxySettings(s.tftpRoot(), p.tftpServername(), s.publicUrl(), p.foremanUrl(),
                trustedHosts(p.trustedHosts()), p.version().orElse(VersionProvider.version()),
                p.https().map(h -> h.address().port()), SmartProxySettings.Timeouts.DEFAULTS,
                SmartProxySettings.DEFAULT_MAX_FORWARDS, new SmartProxySettings.Downloads(p.downloads().connectTimeout(), p.downloads().verifyServerCert()),
                p.forwardVerify(), templatesFrom(p.templatesFrom()));
    }

    static SmartProxySettings.TemplatesFrom templatesFrom(SmartProxyConfig.TemplatesFrom from) {
        return switch (from) {
            case LOCAL -> SmartProxySettings.TemplatesFrom.LOCAL;
            case FOREMAN -> SmartProxySettings.TemplatesFrom.FOREMAN;
            case LOCAL_FIRST -> SmartProxySettings.TemplatesFrom.LOCAL_FIRST;
        };
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
