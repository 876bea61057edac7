package org.bootproxy.boot;

import java.time.Instant;
import java.util.Map;

/**
 * One step of a machine's boot, for logs and the per-MAC timeline.
 *
 * @param at       when it happened
 * @param mac      the MAC it concerns, or "" when not known (TFTP of pxelinux.0)
 * @param clientIp the client's address
 * @param stage    what happened: tftp, ipxe, provision, built, failed, unknown-machine, …
 * @param detail   file name or template
 * @param outcome  ok, not-found, error, …
 * @param fields   extra key/values (host, bytes, ms, reported serial, …)
 */
public record BootEvent(Instant at, String mac, String clientIp, String stage, String detail, String outcome,
                        Map<String, String> fields) {
    public BootEvent {
        mac = mac == null ? "" : mac;
        clientIp = clientIp == null ? "" : clientIp;
        detail = detail == null ? "" : detail;
        outcome = outcome == null ? "" : outcome;
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }
}
