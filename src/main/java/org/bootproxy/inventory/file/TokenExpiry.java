package org.bootproxy.inventory.file;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.bootproxy.boot.BuildStarts;
import org.bootproxy.boot.Host;

/**
 * Foreman's {@code token_duration} for host files: a host's token expires {@code duration} after the host entered
 * build with it. Foreman sets the expiry when the host enters build and makes a new token each time; a host file
 * has no such moment, so it is the first time bootproxy read the host in build with that token ({@link BuildStarts},
 * kept in the state folder across restarts). A new token, or the host out of build and back, starts again.
 *
 * @param duration how long a token stays valid; {@link Duration#ZERO}: forever (Foreman's 0)
 * @param starts   where the first sightings are kept
 */
public record TokenExpiry(Duration duration, BuildStarts starts) {
    /** Tokens of host files never expire. */
    public static final TokenExpiry NEVER = new TokenExpiry(Duration.ZERO, null);

    public TokenExpiry {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("token duration must not be negative: " + duration);
        }
        if (!duration.isZero()) {
            Objects.requireNonNull(starts, "starts");
        }
    }

    /** {@code host} with the expiry of its token, as read at {@code now}. */
    Host stamp(Host host, Instant now) {
        if (duration.isZero()) {
            return host;
        }
        if (!host.build()) {
            starts.forget(host.name()); // Foreman deletes the token when the host leaves build
            return host;
        }
        if (host.token().isEmpty()) {
            return host;
        }
        return host.withTokenExpires(starts.firstSeen(host.name(), host.token(), now).plus(duration));
    }
}
