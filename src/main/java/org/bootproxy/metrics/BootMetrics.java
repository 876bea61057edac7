package org.bootproxy.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import java.util.function.LongSupplier;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;

/**
 * Turns boot events into Prometheus metrics: how many answers of each stage and outcome (an HTTP status,
 * a TFTP outcome, built/failed), how long they took and how many bytes TFTP sent. Served at /metrics.
 */
public final class BootMetrics implements BootEvents {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Override
    public void record(BootEvent e) {
        Counter.builder("bootproxy_events")
                .description("Answers and boot reports, by stage (ipxe, provision, tftp, built, …) and outcome")
                .tag("stage", e.stage()).tag("outcome", e.outcome())
                .register(registry).increment();
        number(e, "ms").ifPresent(ms -> DistributionSummary.builder("bootproxy_answer_duration")
                .description("Time to answer a request or finish a TFTP transfer, in milliseconds")
                .baseUnit("milliseconds").publishPercentiles(0.5, 0.99)
                .tag("stage", e.stage()).register(registry).record(ms));
        if (e.stage().equals("tftp")) {
            number(e, "bytes").ifPresent(b -> Counter.builder("bootproxy_tftp_sent_bytes")
                    .description("File bytes sent over TFTP").register(registry).increment(b));
            number(e, "retransmits").ifPresent(r -> Counter.builder("bootproxy_tftp_retransmits")
                    .description("TFTP packets sent again after a timeout").register(registry).increment(r));
        }
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

    private static java.util.Optional<Double> number(BootEvent e, String field) {
        String v = e.fields().get(field);
        if (v == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Double.parseDouble(v));
        } catch (NumberFormatException ex) {
            return java.util.Optional.empty();
        }
    }
}
