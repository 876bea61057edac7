package org.bootproxy.tftp;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bootproxy.boot.BootEvent;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.GuardedEvents;
import org.bootproxy.boot.MacAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line and one {@link BootEvent} (stage "tftp") per request: client, file, options, bytes, time,
 * retransmissions and outcome, with the MAC when the file name carries one (pxelinux.cfg/01-…, grub.cfg-…,
 * host-config/&lt;mac&gt;/…), and for a rendered file the template and host, as the HTTP request log has them.
 */
final class TransferLog {

    private static final Logger LOG = LoggerFactory.getLogger(TransferLog.class);

    /**
     * How one request went.
     *
     * @param file       the cleaned name (or the raw one when it could not be cleaned)
     * @param source     "static", "rendered" or "" when nothing was found
     * @param negotiated the OACK that was sent, "" for none
     * @param bytes      bytes the client acknowledged
     * @param reason     why it ended when not plainly OK; "" otherwise
     * @param fields     extra event fields (template, host)
     */
    record Entry(ReadRequest request, String file, String source, String negotiated, long bytes, long ms, int retransmits,
                 Outcome outcome, String reason, Map<String, String> fields) {
    }

    private final BootEvents events;
    private final Clock clock;

    TransferLog(BootEvents events, Clock clock) {
        this.events = GuardedEvents.around(events, e -> LOG.warn("boot event sink failed: {}", e.toString()));
        this.clock = clock;
    }

    void record(Entry e) {
        String mac = macIn(e.file());
        String ip = e.request().client().getAddress().getHostAddress();
        String options = OptionNegotiation.describe(e.request().packet().options());
        MDC.put("mac", mac);
        MDC.put("client", ip);
        MDC.put("stage", "tftp");
        MDC.put("host", e.fields().getOrDefault("host", ""));
        try {
            String format = "tftp {} {} client={} bytes={} ms={} retransmits={} options=[{}] oack=[{}] source={}{}{}";
            Object[] args = {e.outcome().label(), e.file(), endpoint(e.request().client()), e.bytes(), e.ms(), e.retransmits(),
                    options, e.negotiated(), e.source().isEmpty() ? "-" : e.source(), words(e.fields()),
                    e.reason().isEmpty() ? "" : " reason=\"" + e.reason() + "\""};
            switch (e.outcome()) {
                case ERROR -> LOG.error(format, args);
                case DENIED -> LOG.warn(format, args);
                default -> LOG.info(format, args);
            }
        } finally {
            MDC.remove("mac");
            MDC.remove("client");
            MDC.remove("stage");
            MDC.remove("host");
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("client", endpoint(e.request().client()));
        f.put("bytes", Long.toString(e.bytes()));
        f.put("ms", Long.toString(e.ms()));
        f.put("retransmits", Integer.toString(e.retransmits()));
        f.put("options", options);
        f.put("oack", e.negotiated());
        if (e.request().packet().netascii()) {
            f.put("mode", "netascii");
        }
        if (!e.source().isEmpty()) {
            f.put("source", e.source());
        }
        if (!e.reason().isEmpty()) {
            f.put("reason", e.reason());
        }
        f.putAll(e.fields());
        events.record(new BootEvent(clock.instant(), mac, ip, "tftp", e.file(), e.outcome().label(), f));
    }

    /** A write request: refused before any transfer starts. */
    void writeRefused(InetSocketAddress client, String file) {
        String ip = client.getAddress().getHostAddress();
        LOG.warn("tftp denied {} client={} reason=\"write request: bootproxy serves files read-only\"", file, endpoint(client));
        events.record(new BootEvent(clock.instant(), macIn(file), ip, "tftp", file, Outcome.DENIED.label(),
                Map.of("client", endpoint(client), "reason", "write request refused")));
    }

    void bug(ReadRequest r, Throwable e) {
        LOG.error("tftp transfer of {} for {} failed on a bug", Packets.printable(r.packet().name()), endpoint(r.client()), e);
    }

    static String macIn(String file) {
        return MacAddress.inFileName(file).map(MacAddress::colons).orElse("");
    }

    /** " template=pxelinux/chain-ipxe host=web01.example.com": names and host names carry no spaces. */
    private static String words(Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        fields.forEach((k, v) -> b.append(' ').append(k).append('=').append(v.isEmpty() ? "-" : v));
        return b.toString();
    }

    private static String endpoint(InetSocketAddress a) {
        return a.getAddress().getHostAddress() + ":" + a.getPort();
    }
}
