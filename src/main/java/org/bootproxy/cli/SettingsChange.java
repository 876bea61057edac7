package org.bootproxy.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.bootproxy.config.BootproxyConfig;

/**
 * What differs between the configuration bootproxy runs with and one read again for a reload, by config key.
 * A reload applies the hosts, the templates, the inventory backend and the iPXE answers; everything that is bound
 * to a socket, a file handle or a URL handed out to Foreman at start (listen addresses, the TFTP root, TLS,
 * {@code template_url}, …) is named as needing a restart and keeps its running value.
 *
 * @param applied     keys a reload applies, e.g. {@code hosts}, {@code ipxe.intermediate_nics}
 * @param needRestart keys that changed but only a restart applies, each with {@code (running → new)}
 */
record SettingsChange(List<String> applied, List<String> needRestart) {

    SettingsChange {
        applied = List.copyOf(applied);
        needRestart = List.copyOf(needRestart);
    }

    /** A config key and how to read it from resolved settings. */
    private record Key(String name, Function<BootproxyConfig, Object> value) {
        boolean differs(BootproxyConfig a, BootproxyConfig b) {
            Object x = value.apply(a);
            Object y = value.apply(b);
            // records holding compiled regexes (cmdb mappings) are equal when they print the same
            return !Objects.equals(x, y) && !String.valueOf(x).equals(String.valueOf(y));
        }
    }

    static final List<Key> RELOADED = List.of(
            new Key("hosts", BootproxyConfig::hosts),
            new Key("groups", BootproxyConfig::groups),
            new Key("profiles", BootproxyConfig::profiles),
            new Key("ipxe.menu", s -> s.boot().menu()),
            new Key("templates", BootproxyConfig::templates),
            new Key("render", BootproxyConfig::render),
            new Key("inventory", BootproxyConfig::inventory),
            new Key("ipxe.intermediate_nics", s -> s.boot().intermediateNics()),
            new Key("ipxe.unknown_machine", s -> s.boot().unknownAnswer()),
            new Key("template_defaults", s -> s.boot().familyDefaults()),
            // which names are GRUB's entry configs and how its configs load the installer: decided at each render
            new Key("grub2", s -> s.boot().grub()));

    static final List<Key> RESTART = List.of(
            new Key("http_address", BootproxyConfig::httpAddress),
            new Key("tftp_address", BootproxyConfig::tftpAddress),
            new Key("tftproot", BootproxyConfig::tftpRoot),
            new Key("assets", BootproxyConfig::assets),
            new Key("state_dir", BootproxyConfig::stateDir),
            new Key("template_url", BootproxyConfig::publicUrl),
            new Key("trusted_proxies", BootproxyConfig::trustedProxies),
            new Key("ipxe.retry_seconds", s -> s.boot().retrySeconds()),
            new Key("tftp.max_blksize", s -> s.tftp().maxBlksize()),
            new Key("tftp.max_windowsize", s -> s.tftp().maxWindowsize()),
            new Key("tftp.max_transfers", s -> s.tftp().maxTransfers()),
            new Key("tftp.max_transfers_per_client", s -> s.tftp().maxTransfersPerClient()),
            new Key("tftp.timeout_ms", s -> s.tftp().timeoutMs()),
            new Key("tftp.retries", s -> s.tftp().retries()),
            new Key("tftp.enabled", s -> s.tftp().enabled()),
            new Key("tftp.optional", s -> s.tftp().optional()),
            new Key("foreman_url", s -> s.smartProxy().foremanUrl()),
            new Key("trusted_hosts", s -> s.smartProxy().trustedHosts()),
            new Key("tftp_servername", s -> s.smartProxy().tftpServername()),
            new Key("https_address, ssl_certificate, ssl_private_key, ssl_ca_file", s -> s.smartProxy().https()),
            new Key("foreman_ssl_ca, foreman_ssl_cert, foreman_ssl_key", s -> s.smartProxy().foremanTls()),
            new Key("tftp_connect_timeout, verify_server_cert", s -> s.smartProxy().downloads()),
            new Key("forward_verify", s -> s.smartProxy().forwardVerify()),
            new Key("smart_proxy_version", s -> s.smartProxy().version()),
            new Key("templates_from", s -> s.smartProxy().templatesFrom()),
            new Key("discovery", BootproxyConfig::discovery),
            new Key("timeline", BootproxyConfig::timeline));

    /**
     * @param started     what the servers were started with (the restart-only keys still have these values)
     * @param lastApplied what the last reload (or the start) applied
     * @param fresh       the configuration just read
     */
    static SettingsChange between(BootproxyConfig started, BootproxyConfig lastApplied, BootproxyConfig fresh) {
        List<String> applied = new ArrayList<>();
        for (Key k : RELOADED) {
            if (k.differs(lastApplied, fresh)) {
                applied.add(k.name());
            }
        }
        List<String> restart = new ArrayList<>();
        for (Key k : RESTART) {
            if (k.differs(started, fresh)) {
                restart.add(k.name() + " (" + shown(k.value().apply(started)) + " → " + shown(k.value().apply(fresh)) + ")");
            }
        }
        return new SettingsChange(applied, restart);
    }

    boolean changes(String key) {
        return applied.contains(key);
    }

    private static String shown(Object value) {
        if (value instanceof java.util.Optional<?> o) {
            return o.map(SettingsChange::shown).orElse("none");
        }
        return String.valueOf(value);
    }
}
