package org.bootproxy.boot;

import java.util.List;
import java.util.Objects;

/**
 * Who is asking, as far as the transport can tell.
 *
 * @param clientIp  the client's address (after trusted-proxy handling), never null
 * @param macs      MACs the client claims ({@code mac=} parameter, X-RHN-Provisioning-MAC-N headers,
 *                  or the MAC in a TFTP file name), in the order given
 * @param token     build token from the URL, or ""
 * @param bootstrap true when iPXE asked with {@code bootstrap=1} (always answer the intermediate script)
 * @param facts     what the machine reported about itself
 */
public record BootRequest(String clientIp, List<MacAddress> macs, String token, boolean bootstrap, MachineFacts facts) {
    public BootRequest {
        clientIp = clientIp == null ? "" : clientIp;
        macs = macs == null ? List.of() : List.copyOf(macs);
        token = token == null ? "" : token.trim();
        facts = Objects.requireNonNullElse(facts, MachineFacts.NONE);
    }

    public static BootRequest forMac(MacAddress mac, String clientIp) {
        return new BootRequest(clientIp, List.of(mac), "", false, MachineFacts.NONE);
    }

    /** The first MAC the client named, or "" — for logs and templates. */
    public String firstMac() {
        return macs.isEmpty() ? "" : macs.get(0).colons();
    }
}
