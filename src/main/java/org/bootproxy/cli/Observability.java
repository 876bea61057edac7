package org.bootproxy.cli;

import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.events.EventLog;
import org.bootproxy.metrics.BootMetrics;

/** Where every boot event goes: the per-MAC timeline (and its log lines) and the Prometheus metrics. */
record Observability(EventLog timeline, BootMetrics metrics) implements BootEvents {

    static Observability create() {
        return new Observability(new EventLog(4096, 100), new BootMetrics());
    }

    @Override
    public void record(BootEvent event) {
        timeline.record(event);
        metrics.record(event);
    }
}
