package org.bootproxy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.InventoryObserver;

/**
 * Boot events and inventory lookups as Prometheus metrics (served at /metrics), named by Prometheus' conventions:
 * counters end in {@code _total}, times are seconds in histograms with buckets.
 * <pre>
 * bootproxy_answers_total{stage,outcome}            every answer: outcome ok, retry (iPXE got the retry script),
 *                                                   error (a template failed to render, or a bug), not_found, refused
 *                                                   (not in build, denied), bad_request, unavailable (503), aborted
 * bootproxy_answer_duration_seconds{stage}          histogram
 * bootproxy_tftp_transfers_total{outcome}           TFTP transfers by how they ended
 * bootproxy_tftp_sent_bytes_total{outcome}          file bytes the clients acknowledged
 * bootproxy_tftp_retransmissions_total{outcome}     packets sent again after a timeout
 * bootproxy_builds_total{result}                    built / failed reports recorded
 * bootproxy_unknown_machines_total                  unknown-machine answers
 * bootproxy_discovered_machines                     machines in the discovery registry (gauge)
 * bootproxy_discovery_announcements_total{target,outcome}  ok, retry, refused
 * bootproxy_inventory_lookups_total{source}         fresh, cached, stale, miss, error
 * bootproxy_inventory_upstream_duration_seconds{outcome}  histogram of calls to Foreman or the CMDB (ok, error)
 * </pre>
 */
public final class BootMetrics implements BootEvents, InventoryObserver {
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final TemplateHealth templates = new TemplateHealth();
    private final UpstreamHealth upstream = new UpstreamHealth();
    private final Map<String, java.util.concurrent.atomic.LongAdder> lookups = new java.util.concurrent.ConcurrentSkipListMap<>();
    /** The answer meters by stage and outcome, and the duration timers by stage ({@link #answer}). */
    private final Map<List<String>, Counter> answers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void record(BootEvent e) {
        templates.record(e);
        String stage = e.stage();
        switch (stage) {
            case "built", "failed" -> {
                if (e.outcome().equals("recorded")) {
                    Counter.builder("bootproxy_builds").description("Build results recorded (installer reports)")
                            .tag("result", stage).register(registry).increment();
                }
                answer(e, e.outcome().equals("recorded") ? "ok" : outcome(e));
            }
            case "unknown-machine" -> {
                Counter.builder("bootproxy_unknown_machines").description("Unknown-machine answers (no NIC of the machine is known)")
                        .register(registry).increment();
            }
            case "announce" -> Counter.builder("bootproxy_discovery_announcements")
                    .description("Discovered machines announced upstream, by target and outcome (ok, retry, refused)")
                    .tag("target", e.detail()).tag("outcome", e.outcome()).register(registry).increment();
            case "tftp" -> tftp(e);
            case "rebuild" -> {
                // an operator's action, not an answer
            }
            default -> answer(e, outcome(e));
        }
    }

    private void tftp(BootEvent e) {
        String outcome = outcome(e);
        answer(e, outcome);
        Counter.builder("bootproxy_tftp_transfers").description("TFTP transfers by how they ended")
                .tag("outcome", outcome).register(registry).increment();
        number(e, "bytes").ifPresent(b -> Counter.builder("bootproxy_tftp_sent_bytes")
                .description("File bytes TFTP clients acknowledged").baseUnit("bytes").tag("outcome", outcome)
                .register(registry).increment(b));
        number(e, "retransmits").ifPresent(r -> Counter.builder("bootproxy_tftp_retransmissions")
                .description("TFTP packets sent again after a timeout").tag("outcome", outcome).register(registry).increment(r));
    }

    /**
     * Counted on every answer, so the meters are looked up in maps of their own rather than built and registered each
     * time (the registry's lookup builds and compares tags); stages and outcomes are a few dozen words.
     */
    private void answer(BootEvent e, String outcome) {
        answers.computeIfAbsent(List.of(e.stage(), outcome), k -> Counter.builder("bootproxy_answers")
                .description("Answers by stage (ipxe, provision, tftp, built, …) and outcome (ok, retry, error, not_found, …)")
                .tag("stage", k.get(0)).tag("outcome", k.get(1)).register(registry)).increment();
        number(e, "ms").ifPresent(ms -> durations.computeIfAbsent(e.stage(), stage -> timer("bootproxy_answer_duration",
                "Time to answer a request or finish a TFTP transfer", "stage", stage))
                .record(Duration.ofNanos((long) (ms * 1_000_000))));
    }

    /**
     * What an answer amounted to. HTTP events carry it ({@code result}: an iPXE retry script is {@code retry}, a
     * template that failed to render is {@code error} whatever status carried it); TFTP events name it as their outcome.
     */
    static String outcome(BootEvent e) {
        String result = e.fields().get("result");
        if (result != null && !result.isEmpty()) {
            return result;
        }
        return switch (e.outcome()) {
            case "ok", "recorded" -> "ok";
            case "not-found" -> "not_found";
            case "denied", "not-in-build" -> "refused";
            case "aborted" -> "aborted";
            case "error" -> "error";
            default -> byStatus(e.outcome());
        };
    }

    private static String byStatus(String status) {
        if (!isStatusCode(status)) {
            return status.toLowerCase(Locale.ROOT).replace('-', '_');
        }
        int s = Integer.parseInt(status);
        if (s < 400) {
            return "ok";
        }
        return switch (s) {
            case 404 -> "not_found";
            case 400 -> "bad_request";
            case 503 -> "unavailable";
            default -> s >= 500 ? "error" : "refused";
        };
    }

    /** Three digits: an HTTP status (asked on every answer: a character test, not a regex compiled each time). */
    private static boolean isStatusCode(String s) {
        return s.length() == 3 && digit(s.charAt(0)) && digit(s.charAt(1)) && digit(s.charAt(2));
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    @Override
    public void answered(String source) {
        lookups.computeIfAbsent(source, k -> new java.util.concurrent.atomic.LongAdder()).increment();
        Counter.builder("bootproxy_inventory_lookups").description("Inventory lookups by where the answer came from")
                .tag("source", source).register(registry).increment();
    }

    @Override
    public void upstreamCall(Duration took, Optional<String> failure) {
        upstream.call(failure);
        timer("bootproxy_inventory_upstream_duration", "Calls to the upstream inventory (Foreman, the CMDB)",
                "outcome", failure.isPresent() ? "error" : "ok").record(took);
    }

    /** Exports the number of discovered machines as a gauge. */
    public void gaugeDiscoveredMachines(Supplier<Number> count) {
        Gauge.builder("bootproxy_discovered_machines", count).description("Machines in the discovery registry")
                .register(registry);
    }

    /** Inventory lookups so far by source (fresh, cached, stale, miss, error), for the dashboard. */
    public Map<String, Long> lookupCounts() {
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        lookups.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Templates whose last render failed (and has not rendered since), with the failure. */
    public Map<String, TemplateHealth.Failure> failingTemplates() {
        return templates.failing();
    }

    /** The upstream inventory's state by its last call: empty before any call. */
    public Optional<UpstreamHealth.State> upstreamState() {
        return upstream.state();
    }

    private Timer timer(String name, String description, String tag, String value) {
        return Timer.builder(name).description(description).tag(tag, value).serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    /**
     * A counter kept elsewhere (log lines dropped, answers reused), read at each scrape; {@code name} without
     * {@code _total}, which the exposition adds.
     */
    public void counter(String name, String description, LongSupplier count) {
        FunctionCounter.builder(name, count, LongSupplier::getAsLong).description(description).register(registry);
    }

    /** The Prometheus text exposition of every metric. */
    public String scrape() {
        return registry.scrape();
    }

    private static Optional<Double> number(BootEvent e, String field) {
        String v = e.fields().get(field);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(v));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
    }
}
