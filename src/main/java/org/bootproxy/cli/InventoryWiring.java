package org.bootproxy.cli;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.InventoryObserver;
import org.bootproxy.boot.SiteDefinitions;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.CacheConfig;
import org.bootproxy.config.CmdbConfig;
import org.bootproxy.config.ConfigException;
import org.bootproxy.config.ForemanConfig;
import org.bootproxy.config.InventoryConfig;
import org.bootproxy.inventory.CacheSettings;
import org.bootproxy.inventory.CachingInventory;
import org.bootproxy.inventory.LayeredInventory;
import org.bootproxy.inventory.cmdb.CmdbInventory;
import org.bootproxy.inventory.cmdb.CmdbSettings;
import org.bootproxy.inventory.file.FileInventory;
import org.bootproxy.inventory.file.FileSite;
import org.bootproxy.inventory.file.GroupFolder;
import org.bootproxy.inventory.file.TokenExpiry;
import org.bootproxy.inventory.foreman.ForemanInventory;
import org.bootproxy.inventory.foreman.ForemanSettings;
import org.bootproxy.inventory.upstream.UpstreamInventory;
import org.bootproxy.state.FileBuildStarts;

/**
 * Turns the {@code inventory:} section of the config into the backends, each given its own settings record:
 * the inventory packages never see the config. Public for the tests that configure a backend exactly as
 * bootproxy does (the examples in docs/upstream.md).
 */
public final class InventoryWiring {

    private InventoryWiring() {
    }

    /**
     * What the site's definitions come from: the inventory, and the profiles and host groups for machines in no
     * inventory. Host files and the unknown-machine site share one groups folder.
     *
     * @param rescans what re-reads the site's folders; {@link Components#watch} runs them in the background
     */
    record Sources(HostInventory inventory, SiteDefinitions site, List<Runnable> rescans) {
        Sources {
            rescans = List.copyOf(rescans);
        }
    }

    /**
     * The inventory named by inventory.type (host files, or an upstream behind the cache and the files) and the
     * site's profiles and groups.
     *
     * @param problems  receives what was wrong reading the host, group and profile files, one line each
     * @param resources receives what must be closed once the inventory is no longer used (an upstream's HTTP
     *                  client, when a reload replaces it)
     * @param observer  told how each lookup was answered and how each upstream call went (metrics, /readyz)
     */
    static Sources sources(BootproxyConfig c, List<String> problems, List<UpstreamInventory> resources,
                           InventoryObserver observer) {
        Clock clock = Clock.systemUTC();
        GroupFolder groups = new GroupFolder(Optional.of(c.groups()), clock, FileInventory.DEFAULT_RESCAN,
                c.inventory().hostFileMaxBytes());
        List<Runnable> rescans = new ArrayList<>();
        HostInventory inventory = inventory(c, groups, problems, resources, rescans, observer);
        FileSite site = new FileSite(groups, Optional.of(c.profiles()), clock, FileInventory.DEFAULT_RESCAN,
                c.inventory().hostFileMaxBytes());
        site.problems().stream().filter(p -> !problems.contains(p)).forEach(problems::add);
        rescans.add(site::rescan);
        return new Sources(inventory, site, rescans);
    }

    private static HostInventory inventory(BootproxyConfig c, GroupFolder groups, List<String> problems,
                                           List<UpstreamInventory> resources, List<Runnable> rescans,
                                           InventoryObserver observer) {
        InventoryConfig cfg = c.inventory();
        if (cfg.type().equals("files")) {
            return files(c, groups, problems, rescans);
        }
        // upstream backends always sit behind the cache: it keeps booting when upstream is down, merges a rack's
        // lookups into one call per host, and answers token lookups (Foreman cannot search by build token)
        UpstreamInventory upstream = upstream(cfg);
        resources.add(upstream);
        HostInventory cached = new CachingInventory(upstream, cache(cfg.cache()), Clock.systemUTC(), observer);
        return cfg.filesOverride() ? new LayeredInventory(List.of(files(c, groups, problems, rescans), cached)) : cached;
    }

    /** The upstream backend named by inventory.type, without a cache (check-upstream talks to it directly). */
    static UpstreamInventory upstream(InventoryConfig cfg) {
        return switch (cfg.type()) {
            case "foreman" -> {
                ForemanConfig f = cfg.foreman() != null ? cfg.foreman() : ForemanConfig.defaults();
                if (!f.configured()) {
                    throw new ConfigException("inventory.foreman.url is not set; it is required when inventory.type is"
                            + " foreman (e.g. url: https://foreman.example.com)");
                }
                yield StartupErrors.asConfigError(() -> new ForemanInventory(foreman(f), Clock.systemUTC(), cfg.maxAnswerBytes()));
            }
            case "cmdb" -> StartupErrors.asConfigError(() -> new CmdbInventory(
                    cmdb(cfg.cmdb() != null ? cfg.cmdb() : CmdbConfig.defaults()), cfg.maxAnswerBytes()));
            default -> throw new ConfigException("inventory.type is '" + cfg.type()
                    + "': there is no upstream to check; set inventory.type to foreman or cmdb");
        };
    }

    public static CacheSettings cache(CacheConfig c) {
        return new CacheSettings(c.ttl(), c.missTtl(), c.staleMaxAge(), c.maxConcurrent(), c.queueTimeout(), c.staleGrace());
    }

    public static ForemanSettings foreman(ForemanConfig c) {
        return new ForemanSettings(c.url(), c.username(), c.password(), c.token(), c.caFile(), c.clientCert(),
                c.clientKey(), c.connectTimeout(), c.readTimeout(), c.referenceTtl());
    }

    /** @throws CmdbSettings.Invalid when the mapping language is not followed (a placeholder, pointer or field) */
    public static CmdbSettings cmdb(CmdbConfig c) {
        CmdbConfig.Auth auth = c.auth();
        return new CmdbSettings(c.name(), c.url(), c.headers(),
                auth.type().equals("basic") ? auth.username() : "", auth.password(),
                auth.type().equals("bearer") ? auth.token() : "", c.exists(),
                c.requests().stream().map(r -> new CmdbSettings.Request(r.name(), r.url())).toList(),
                mapping(c), c.caFile(), c.clientCert(), c.clientKey(), c.connectTimeout(), c.readTimeout());
    }

    private static Map<String, CmdbSettings.Field> mapping(CmdbConfig c) {
        var out = new LinkedHashMap<String, CmdbSettings.Field>();
        c.mapping().forEach((field, f) -> out.put(field, CmdbSettings.Field.of(f.pointer(), f.value(), f.fallback(), f.match())));
        return out;
    }

    /** inventory.token_duration (minutes, 0 = never), counted from when a host was first seen in build with its token. */
    static TokenExpiry tokenExpiry(BootproxyConfig c) {
        int minutes = c.inventory().tokenDuration();
        return minutes == 0 ? TokenExpiry.NEVER
                : new TokenExpiry(Duration.ofMinutes(minutes), new FileBuildStarts(c.stateDir()));
    }

    private static FileInventory files(BootproxyConfig c, GroupFolder groups, List<String> problems,
                                       List<Runnable> rescans) {
        FileInventory files = StartupErrors.asConfigError(() -> new FileInventory(c.hosts(), groups, Clock.systemUTC(),
                FileInventory.DEFAULT_RESCAN, c.inventory().hostFileMaxBytes(), tokenExpiry(c)));
        files.problems().forEach(p -> problems.add(p.toString()));
        rescans.add(files::rescan);
        return files;
    }
}
