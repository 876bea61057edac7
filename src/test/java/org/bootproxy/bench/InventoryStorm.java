package org.bootproxy.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import ch.qos.logback.classic.Level;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.HostInventory;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.inventory.CacheSettings;
import org.bootproxy.inventory.CachingInventory;
import org.bootproxy.inventory.foreman.ForemanInventory;
import org.bootproxy.inventory.foreman.ForemanSettings;
import org.bootproxy.inventory.foreman.ForemanSettingsBuilder;
import org.slf4j.LoggerFactory;

/**
 * Upstream storm: a rack (or a whole row) powers on at once. N hosts each boot the way a real install asks
 * for its host: pxelinux.cfg, iPXE, the iPXE script's kernel line (by MAC), then provision twice, finish and
 * built (by token), then the built report. Upstream is WireMock serving Foreman API v2 answers after a fixed
 * delay; bootproxy's real ForemanInventory runs behind CachingInventory with the default cache settings.
 * Only loopback traffic; every loop is bounded. Run: {@code bench/inventory-storm.sh [--hosts N] …}.
 */
public final class InventoryStorm {

    private InventoryStorm() {
    }

    public static void main(String[] args) throws Exception {
        int hosts = intArg(args, "--hosts", 1000);
        int inFlight = intArg(args, "--in-flight", 400);
        int latencyMs = intArg(args, "--latency-ms", 100);
        int maxConcurrent = intArg(args, "--max-concurrent", 32);
        quiet();

        WireMockServer foreman = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .containerThreads(Math.max(64, maxConcurrent * 2)).asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(32).disableRequestJournal()
                .extensions(new StormAnswers(hosts)));
        foreman.start();
        ConcurrentHashMap<String, LongAdder> httpByHost = new ConcurrentHashMap<>();
        LongAdder httpTotal = new LongAdder();
        foreman.addMockServiceRequestListener((req, resp) -> {
            httpTotal.increment();
            String q = req.queryParameter("search").isPresent() ? req.queryParameter("search").firstValue() : req.getUrl();
            httpByHost.computeIfAbsent(q.replaceAll(".*(has_mac=|mac=|/hosts/)", ""), k -> new LongAdder()).increment();
        });
        stub(foreman, latencyMs);

        CacheSettings cache = new CacheSettings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofHours(24),
                maxConcurrent, Duration.ofSeconds(10), Duration.ofSeconds(1));
        ForemanSettings config = ForemanSettingsBuilder.foremanAt(foreman.baseUrl()).build();
        try (ForemanInventory upstream = new ForemanInventory(config)) {
            CountingInventory counted = new CountingInventory(upstream);
            CachingInventory inventory = new CachingInventory(counted, cache, Clock.systemUTC());
            Result r = storm(inventory, hosts, inFlight);
            report(r, hosts, inFlight, latencyMs, cache, counted, inventory.stats(), httpTotal.sum());
        } finally {
            foreman.stop();
        }
    }

    static MacAddress mac(int i) {
        return MacAddress.parse(String.format("52:54:01:%02x:%02x:01", i / 256, i % 256));
    }

    static String token(int i) {
        return String.format("b00710c0-0000-4000-8000-%012d", i);
    }

    /**
     * Foreman answers for hosts 1..n, computed per request by {@link StormAnswers} (thousands of separate stubs
     * would make WireMock's matching, not the cache, the thing measured). They share one operating system,
     * medium and subnet, as a rack does.
     */
    static void stub(WireMockServer wm, int delay) {
        wm.stubFor(get(urlPathEqualTo("/api/v2/hosts")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withFixedDelay(delay).withTransformers(StormAnswers.NAME)));
        wm.stubFor(get(urlPathMatching("/api/v2/hosts/[0-9]+")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withFixedDelay(delay).withTransformers(StormAnswers.NAME)));
        wm.stubFor(get(urlPathEqualTo("/api/v2/operatingsystems/1")).willReturn(okJson("{\"id\":1,\"name\":\"AlmaLinux\","
                + "\"title\":\"AlmaLinux 9.4\",\"major\":\"9\",\"minor\":\"4\",\"family\":\"Redhat\",\"release_name\":\"\"}")
                .withFixedDelay(delay)));
        wm.stubFor(get(urlPathEqualTo("/api/v2/media/1")).willReturn(okJson("{\"id\":1,\"name\":\"AlmaLinux mirror\","
                + "\"path\":\"http://mirror.example.com/almalinux/$version/BaseOS/$arch/os\"}").withFixedDelay(delay)));
        wm.stubFor(get(urlPathEqualTo("/api/v2/subnets/1")).willReturn(okJson("{\"id\":1,\"name\":\"prov\",\"mask\":"
                + "\"255.255.0.0\",\"gateway\":\"10.0.0.1\",\"dns_primary\":\"10.0.0.53\",\"boot_mode\":\"DHCP\"}")
                .withFixedDelay(delay)));
        wm.stubFor(get(urlPathEqualTo("/unattended/built")).willReturn(aResponse().withStatus(201).withFixedDelay(delay)));
    }

    /** Search pages and host records shaped like Foreman's, for host i = the number in its MAC. */
    static final class StormAnswers implements ResponseDefinitionTransformerV2 {
        static final String NAME = "foreman-storm";
        private static final Pattern MAC = Pattern.compile("52:54:01:([0-9a-f]{2}):([0-9a-f]{2}):01");
        private final int hosts;

        StormAnswers(int hosts) {
            this.hosts = hosts;
        }

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            String path = event.getRequest().getUrl().replaceAll("\\?.*", "");
            String body;
            if (path.equals("/api/v2/hosts")) {
                var search = event.getRequest().queryParameter("search");
                Matcher m = MAC.matcher(search.isPresent() ? search.firstValue() : "");
                int i = m.find() ? Integer.parseInt(m.group(1), 16) * 256 + Integer.parseInt(m.group(2), 16) : 0;
                String results = i >= 1 && i <= hosts && search.firstValue().startsWith("has_mac=")
                        ? "{\"id\":" + i + ",\"name\":\"node" + i + ".example.com\"}" : "";
                body = "{\"total\":" + hosts + ",\"subtotal\":" + (results.isEmpty() ? 0 : 1)
                        + ",\"page\":1,\"per_page\":10,\"results\":[" + results + "]}";
            } else {
                int i = Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
                String ip = "10.0." + (i / 250) + "." + (i % 250 + 1);
                body = "{\"id\":" + i + ",\"name\":\"node" + i + ".example.com\",\"ip\":\"" + ip + "\",\"mac\":\""
                        + mac(i).colons() + "\",\"build\":true,\"token\":\"" + token(i) + "\",\"architecture_name\":\"x86_64\","
                        + "\"operatingsystem_id\":1,\"medium_id\":1,\"subnet_id\":1,\"updated_at\":\"2026-11-21 01:00:00 UTC\","
                        + "\"interfaces\":[{\"id\":" + i + ",\"mac\":\"" + mac(i).colons() + "\",\"ip\":\"" + ip
                        + "\",\"identifier\":\"eno1\",\"primary\":true,\"provision\":true,\"type\":\"interface\"}],"
                        + "\"parameters\":[],\"all_parameters\":[{\"name\":\"kernelcmd\",\"value\":\"console=ttyS0\"}]}";
            }
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).withBody(body).build();
        }
    }

    record Result(long[] latenciesNanos, long[] coldNanos, int ok, int failed, long wallNanos, List<String> errors) {
    }

    static Result storm(HostInventory inventory, int hosts, int inFlight) throws InterruptedException {
        long[] lat = new long[hosts * 7];
        long[] cold = new long[hosts];
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(inFlight);
        long start = System.nanoTime();
        for (int h = 1; h <= hosts; h++) {
            final int i = h;
            pool.submit(() -> {
                Random rnd = new Random(i);
                MacAddress mac = mac(i);
                for (int step = 0; step < 7; step++) {
                    long t0 = System.nanoTime();
                    try {
                        Optional<Host> found = step < 3 ? inventory.findByMac(mac) : inventory.findByToken(token(i));
                        if (found.isPresent() && found.get().name().equals("node" + i + ".example.com")) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            errors.add("node" + i + " step " + step + ": not found");
                        }
                        if (step == 6) {
                            inventory.reportBuilt(found.orElseThrow());
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        errors.add("node" + i + " step " + step + ": " + e.getMessage());
                    }
                    long took = System.nanoTime() - t0;
                    lat[(i - 1) * 7 + step] = took;
                    if (step == 0) {
                        cold[i - 1] = took;
                    }
                    pause(rnd.nextInt(20));
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(5, TimeUnit.MINUTES)) {
            pool.shutdownNow();
            throw new IllegalStateException("storm did not finish within 5 minutes");
        }
        return new Result(lat, cold, ok.get(), failed.get(), System.nanoTime() - start, errors);
    }

    static void report(Result r, int hosts, int inFlight, int latencyMs, CacheSettings cache, CountingInventory counted,
                       CachingInventory.Stats stats, long http) {
        long[] all = r.latenciesNanos().clone();
        long[] cold = r.coldNanos().clone();
        Arrays.sort(all);
        Arrays.sort(cold);
        int lookups = r.ok() + r.failed();
        System.out.printf("%nUpstream storm: %d hosts x 7 lookups, %d boots in flight, upstream latency %d ms, cache %s%n%n",
                hosts, inFlight, latencyMs, cache);
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        row("lookups", String.valueOf(lookups));
        row("success rate", String.format("%.2f %% (%d failed)", 100.0 * r.ok() / lookups, r.failed()));
        row("upstream lookups (backend findByMac/findByToken)", counted.calls() + String.format(" = %.2f per host, max %d for one host",
                counted.calls() / (double) hosts, counted.maxPerMac()));
        row("upstream HTTP requests", http + String.format(" = %.2f per host (search + host + shared OS/medium/subnet + built)",
                http / (double) hosts));
        row("answers by source", "fresh " + stats.fresh() + ", cached " + stats.cached() + ", stale " + stats.stale()
                + ", miss " + stats.miss() + ", error " + stats.error());
        row("lookup latency p50 / p99 / max", ms(pct(all, 50)) + " / " + ms(pct(all, 99)) + " / " + ms(all[all.length - 1]));
        row("first lookup of a host p50 / p99 / max", ms(pct(cold, 50)) + " / " + ms(pct(cold, 99)) + " / " + ms(cold[cold.length - 1]));
        row("wall time", ms(r.wallNanos()));
        if (!r.errors().isEmpty()) {
            System.out.println();
            r.errors().stream().limit(10).forEach(e -> System.out.println("  error: " + e));
        }
    }

    private static void row(String name, String value) {
        System.out.println("| " + name + " | " + value + " |");
    }

    private static long pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static String ms(long nanos) {
        return String.format("%.1f ms", nanos / 1e6);
    }

    private static void pause(int ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }

    private static void quiet() {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }

    /** Counts calls reaching the backend, per MAC or token. */
    static final class CountingInventory implements HostInventory {
        private final HostInventory inner;
        private final LongAdder calls = new LongAdder();
        private final ConcurrentHashMap<String, LongAdder> perKey = new ConcurrentHashMap<>();

        CountingInventory(HostInventory inner) {
            this.inner = inner;
        }

        @Override
        public Optional<Host> findByMac(MacAddress mac) {
            count(mac.colons());
            return inner.findByMac(mac);
        }

        @Override
        public Optional<Host> findByToken(String token) {
            count(token);
            return inner.findByToken(token);
        }

        @Override
        public void reportBuilt(Host host) {
            inner.reportBuilt(host);
        }

        private void count(String key) {
            calls.increment();
            perKey.computeIfAbsent(key, k -> new LongAdder()).increment();
        }

        long calls() {
            return calls.sum();
        }

        long maxPerMac() {
            return perKey.values().stream().mapToLong(LongAdder::sum).max().orElse(0);
        }

        @Override
        public String describe() {
            return inner.describe();
        }
    }
}
