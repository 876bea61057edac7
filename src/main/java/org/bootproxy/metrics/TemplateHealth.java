package org.bootproxy.metrics;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bootproxy.boot.BootEvent;

/**
 * Which templates are failing, by the answers: a render that failed ({@code result=error} on an event naming the
 * template) marks the template failing with its error; a later answer of the same template that went well clears it.
 */
public final class TemplateHealth {

    /** The last failure of a template: when, for which MAC and host, and the renderer's message. */
    public record Failure(Instant at, String mac, String host, String reason) {
    }

    /** Without a lock: every answer comes through {@link #record}, and nearly all of them only find nothing to clear. */
    private final Map<String, Failure> failing = new ConcurrentHashMap<>();

    void record(BootEvent e) {
        String template = e.fields().getOrDefault("template", e.detail());
        if (template.isEmpty() || !template.contains("/")) {
            return;
        }
        String result = e.fields().getOrDefault("result", "");
        if (result.equals("error") && "template".equals(e.fields().get("error"))) {
            failing.put(template, new Failure(e.at(), e.mac(), e.fields().getOrDefault("host", ""),
                    e.fields().getOrDefault("reason", "")));
        } else if (result.equals("ok") || (result.isEmpty() && e.outcome().equals("ok"))) {
            failing.remove(template);
        }
    }

    Map<String, Failure> failing() {
        return Map.copyOf(failing);
    }
}
