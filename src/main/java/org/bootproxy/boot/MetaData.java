package org.bootproxy.boot;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * cloud-init's NoCloud {@code meta-data} as Foreman's UserdataController builds it for any host, without a template:
 * {@code instance-id}, {@code hostname}, {@code mac}, {@code local-ipv4}, {@code local-hostname}, one {@code key: value}
 * per line. The instance-id is Foreman's {@code "i-" + sha1(host id)[0..17]}, so a host Foreman knows keeps the same
 * instance-id whether Foreman or bootproxy answers (cloud-init treats a new one as a new machine); a host without an
 * upstream id gets one from its name.
 */
final class MetaData {

    private MetaData() {
    }

    static String of(Host host) {
        Nic nic = host.provisionInterface();
        Map<String, String> data = new LinkedHashMap<>();
        data.put("instance-id", instanceId(host));
        data.put("hostname", host.name());
        data.put("mac", nic.mac().colons());
        data.put("local-ipv4", nic.ip());
        data.put("local-hostname", host.name());
        return data.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"));
    }

    static String instanceId(Host host) {
        String id = host.upstreamId().isEmpty() ? host.name() : host.upstreamId();
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(id.getBytes(StandardCharsets.UTF_8));
            return "i-" + HexFormat.of().formatHex(sha1).substring(0, 18);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
