package org.bootproxy.smartproxy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.support.OneLine;

/**
 * The fix to tell the operator when Foreman cannot find the host of a forwarded request that only its address
 * identifies. Foreman looks such a client up by {@code request.remote_ip}, which believes bootproxy's
 * {@code X-Forwarded-For} only when bootproxy's own address is in Foreman's {@code trusted_proxies}; otherwise it
 * searches for bootproxy's address and answers "unattended: unable to find a host that matches the request from
 * &lt;address&gt;", naming the address the request came from, which is bootproxy's. The fix is Foreman's, with
 * {@code foreman-installer --foreman-trusted-proxies}. Said at most once per {@code every}, so a rack booting at
 * once writes one line, not hundreds.
 */
final class TrustedProxiesHint {
    private static final Pattern NOT_FOUND = Pattern.compile("unable to find a host that matches the request from ([0-9A-Fa-f:.]+)");

    private final String foreman;
    private final Clock clock;
    private final Duration every;
    private Instant next = Instant.MIN;

    TrustedProxiesHint(String foreman, Clock clock, Duration every) {
        this.foreman = foreman;
        this.clock = clock;
        this.every = every;
    }

    /**
     * The line to log about Foreman's answer to a forwarded request, when there is something to fix.
     *
     * @param clientIp        the client's address, sent to Foreman as {@code X-Forwarded-For}
     * @param byAddressOnly   the request named no MAC and no token, so Foreman looked it up by address
     * @param status          Foreman's status
     * @param body            Foreman's body
     */
    synchronized Optional<String> advice(String clientIp, boolean byAddressOnly, int status, byte[] body) {
        if (status != 404 || !byAddressOnly) {
            return Optional.empty();
        }
        String text = new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
        Matcher m = NOT_FOUND.matcher(text);
        if (!m.find() || m.group(1).equals(clientIp)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return Optional.empty();
        }
        next = now.plus(every);
        String proxy = m.group(1);
        return Optional.of("Foreman at " + foreman + " found no host for " + clientIp + " (it answered '"
                + OneLine.of(m.group(0), 200) + "'): if " + clientIp + " is a host's address in Foreman, Foreman did not"
                + " believe bootproxy's X-Forwarded-For: " + clientIp + " because " + proxy + " (this proxy, as Foreman sees"
                + " it) is not one of its trusted proxies. On Foreman run: foreman-installer --foreman-trusted-proxies "
                + proxy + " (keep 127.0.0.1/8 and ::1 in the list: the option replaces it), then restart Foreman");
    }
}
