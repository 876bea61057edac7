package org.bootproxy.boot;

import java.time.Duration;
import java.util.Optional;

/** Port: told how each inventory lookup was answered and how each call to an upstream went (for metrics and /readyz). */
public interface InventoryObserver {

    /** A lookup was answered: {@code fresh}, {@code cached}, {@code stale}, {@code miss} or {@code error}. */
    void answered(String source);

    /**
     * A call reached the upstream (Foreman, the CMDB).
     *
     * @param took    how long it took
     * @param failure why it failed; empty when it answered
     */
    void upstreamCall(Duration took, Optional<String> failure);

    InventoryObserver NONE = new InventoryObserver() {
        @Override
        public void answered(String source) {
        }

        @Override
        public void upstreamCall(Duration took, Optional<String> failure) {
        }
    };
}
