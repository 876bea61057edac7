package org.bootproxy.cli;

import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.GuardedEvents;
import org.bootproxy.config.TimelineConfig;
import org.bootproxy.events.EventLog;
import org.bootproxy.metrics.BootMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Where every boot event goes: the per-MAC timeline (and its log lines) and the Prometheus metrics. */
record Observability(EventLog timeline, BootMetrics metrics) implements BootEvents {
    private static final Logger LOG = LoggerFactory.getLogger(Observability.class);

    static Observability create(TimelineConfig timeline) {
        return new Observability(new EventLog(timeline.perMac(), timeline.maxBytes()), new BootMetrics());
    }

    @Override
    public void record(BootEvent event) {
        timeline.record(event);
        metrics.record(event);
    }

    /** This sink as the servers get it: a failing timeline or metric is logged and never breaks a boot. */
    BootEvents guarded() {
        return GuardedEvents.around(this, e -> LOG.warn("boot event not recorded: {}", e.toString()));
    }
}
