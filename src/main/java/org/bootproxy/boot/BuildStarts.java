package org.bootproxy.boot;

import java.time.Instant;

/**
 * Port: when a host entered build with its current token, remembered across restarts. It is the start of the
 * token's validity (Foreman sets a token's expiry when the host enters build: {@code token_duration} minutes later)
 * for inventories whose tokens do not carry an expiry of their own (host files).
 */
public interface BuildStarts {

    /**
     * When the host was first seen in build with this token: recorded as {@code now} on the first call, the
     * same instant on every later call (after a restart too) until {@link #forget} or another token.
     */
    Instant firstSeen(String hostName, String token, Instant now);

    /** The host is not in build (any more): its record goes, as Foreman deletes the token then. */
    void forget(String hostName);
}
