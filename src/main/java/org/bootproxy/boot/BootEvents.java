package org.bootproxy.boot;

/** Port: where boot events go (log line, per-MAC timeline, metrics). Must not throw. */
public interface BootEvents {
    void record(BootEvent event);

    BootEvents NONE = event -> { };
}
