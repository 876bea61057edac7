package org.bootproxy.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.support.PercentDecoding;

/**
 * Turns an HTTP request into the domain's {@link BootRequest}, the way Foreman reads its unattended
 * requests: {@code token} (a {@code .slax} suffix stripped); the MACs from {@code mac} and every
 * {@code X-RHN-Provisioning-MAC-N: <ifname> <mac>} header; the client IP, with {@code X-Forwarded-For}
 * read as Rails reads it for Foreman, and only from trusted proxies ({@link ForwardedFor}).
 */
final class BootRequestReader {
    private static final String RHN_PREFIX = "x-rhn-provisioning-mac-";
    private static final Pattern RHN_HEADER = Pattern.compile("(?i)" + RHN_PREFIX + "(\\d{1,4})");

    private final ForwardedFor forwardedFor;

    BootRequestReader(List<Cidr> trustedProxies) {
        this.forwardedFor = new ForwardedFor(trustedProxies);
    }

    /**
     * The client's address: the socket's peer, or, when the peer is a trusted proxy, the right-most
     * {@code X-Forwarded-For} entry that is not a trusted proxy ({@link ForwardedFor}).
     */
    String clientIp(Context ctx) {
        return forwardedFor.clientIp(ctx.req().getRemoteAddr(), () -> Collections.list(ctx.req().getHeaders("X-Forwarded-For")));
    }


    /**
     * The boot request of {@code ctx}.
     *
     * @param pathMac a MAC from the URL path ({@code /userdata/<mac>/…}), tried before any other
     * @throws UnparsableMac when the {@code mac} parameter is not a MAC (unless a token was sent: then
     *                       only the token counts, as in Foreman)
     */
    BootRequest read(Context ctx, String clientIp, Optional<MacAddress> pathMac) {
        String token = Optional.ofNullable(ctx.queryParam("token")).orElse("").trim();
        if (token.endsWith(".slax")) {
            token = token.substring(0, token.length() - ".slax".length());
        }
        List<MacAddress> macs = new ArrayList<>();
        pathMac.ifPresent(macs::add);
        String macParam = ctx.queryParam("mac");
        if ((macParam == null || macParam.isBlank()) && token.isEmpty()) {
            rawParam(ctx.queryString(), "mac").ifPresent(raw -> {
                throw new UnparsableMac(raw); // sent, but not decodable (bad percent-encoding)
            });
        }
        if (macParam != null && !macParam.isBlank()) {
            Optional<MacAddress> mac = MacAddress.tryParse(macParam);
            if (mac.isEmpty() && token.isEmpty()) {
                throw new UnparsableMac(macParam);
            }
            mac.ifPresent(macs::add);
        }
        macs.addAll(headerMacs(ctx.headerMap()));
        String query = ctx.queryString(); // read once: each call goes through the servlet wrappers
        MachineFacts facts = new MachineFacts(fact(ctx, query, "serial"), fact(ctx, query, "manufacturer"),
                fact(ctx, query, "product"), fact(ctx, query, "uuid"), fact(ctx, query, "arch"),
                fact(ctx, query, "platform"), macList(ctx.queryParam("macs")),
                MacAddress.tryParse(ctx.queryParam("bootif")));
        return new BootRequest(clientIp, macs.stream().distinct().toList(), token, bootstrap(ctx.queryParam("bootstrap")), facts);
    }

    /** The undecoded value of {@code name} in a raw query string, when it is there and not empty. */
    static Optional<String> rawParam(String query, String name) {
        if (query == null) {
            return Optional.empty();
        }
        int n = name.length();
        int start = 0;
        while (start <= query.length()) {
            int amp = query.indexOf('&', start);
            int end = amp < 0 ? query.length() : amp;
            if (end - start > n + 1 && query.startsWith(name, start) && query.charAt(start + n) == '=') {
                return Optional.of(query.substring(start + n + 1, end));
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return Optional.empty();
    }

    /**
     * A machine fact as iPXE sent it. iPXE's {@code :uristring} percent-encodes a space as {@code %20} and leaves
     * {@code +} as it is (RFC 3986), so a {@code +} is a plus: QEMU's product "Standard PC (i440FX + PIIX, 1996)"
     * must not become "i440FX   PIIX". Form decoding (Javalin's) is used only when the raw value is not valid
     * percent-encoding.
     */
    private static String fact(Context ctx, String query, String name) {
        return rawParam(query, name).flatMap(PercentDecoding::decode).orElseGet(() -> ctx.queryParam(name));
    }

    /** Anaconda's {@code inst.ks.sendmac} headers in their N order; unreadable values are skipped. */
    static List<MacAddress> headerMacs(Map<String, String> headers) {
        TreeMap<Integer, MacAddress> byIndex = new TreeMap<>();
        headers.forEach((name, value) -> {
            if (!name.regionMatches(true, 0, RHN_PREFIX, 0, RHN_PREFIX.length())) {
                return; // most headers: no matcher made for them
            }
            Matcher m = RHN_HEADER.matcher(name);
            if (m.matches() && value != null) {
                String[] words = value.trim().split("\\s+");
                MacAddress.tryParse(words[words.length - 1])
                        .ifPresent(mac -> byIndex.putIfAbsent(Integer.parseInt(m.group(1)), mac));
            }
        });
        return List.copyOf(byIndex.values());
    }

    /** {@code macs=a,b,,c}: what the intermediate script reports after its last NIC; empty and bad entries skipped. */
    static List<MacAddress> macList(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<MacAddress> macs = new ArrayList<>();
        for (String part : value.split(",")) {
            MacAddress.tryParse(part).filter(m -> !macs.contains(m)).ifPresent(macs::add);
        }
        return macs;
    }

    private static boolean bootstrap(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        return !(v.equals("0") || v.equals("false") || v.equals("no"));
    }
}
