package org.bootproxy.boot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A machine bootproxy has seen network-booting, with everything it reported, as the {@link MachineRegistry} keeps
 * it: one record per physical machine, found again by its serial number or any of its MACs.
 *
 * @param id           stable identifier: the bare hex of the first MAC it was seen with, e.g. {@code 525400aabb01}
 * @param macs         every MAC seen, in the order first seen
 * @param bootif       the MAC of the NIC the intermediate script last configured (its boot interface), or ""
 * @param serial       SMBIOS serial number, "" when not reported
 * @param manufacturer SMBIOS manufacturer
 * @param product      SMBIOS product name
 * @param uuid         SMBIOS UUID, lower case
 * @param arch         iPXE's build architecture (i386, x86_64, arm64 …)
 * @param platform     iPXE's firmware platform (pcbios, efi)
 * @param clientIp     the address of its last report
 * @param firstSeen    its first report
 * @param lastSeen     its last report
 * @param boots        how many times it ran the intermediate script (its NIC reports and the unknown-machine report
 *                     of one run count once)
 * @param host         the inventory host one of its MACs belongs to, "" while none does
 * @param unknownAnswer true once it has been given the unknown-machine answer
 * @param announced    upstream targets it was pushed to (foreman, webhook) and when: each target at most once
 */
public record DiscoveredMachine(String id, List<MacAddress> macs, String bootif, String serial, String manufacturer,
                                String product, String uuid, String arch, String platform, String clientIp,
                                Instant firstSeen, Instant lastSeen, int boots, String host, boolean unknownAnswer,
                                Map<String, Instant> announced) {

    public DiscoveredMachine {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        macs = macs == null ? List.of() : List.copyOf(macs);
        bootif = nz(bootif);
        serial = nz(serial);
        manufacturer = nz(manufacturer);
        product = nz(product);
        uuid = nz(uuid);
        arch = nz(arch);
        platform = nz(platform);
        clientIp = nz(clientIp);
        host = nz(host);
        announced = announced == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(announced));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** True when no host of the inventory has any of its MACs. */
    public boolean unknown() {
        return host.isEmpty();
    }

    /** A machine worth announcing upstream: it got the unknown-machine answer and no host has claimed it since. */
    public boolean announceable() {
        return unknownAnswer && unknown();
    }

    /**
     * The record as bootproxy shows it to the outside, the same everywhere: {@code GET /api/machines}, {@code bootproxy
     * machines --json} and the discovery webhook. Keys in snake_case, times in ISO-8601 UTC, MACs in colon form.
     */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("macs", macs.stream().map(MacAddress::colons).toList());
        m.put("bootif", bootif);
        m.put("serial", serial);
        m.put("manufacturer", manufacturer);
        m.put("product", product);
        m.put("uuid", uuid);
        m.put("arch", arch);
        m.put("platform", platform);
        m.put("client_ip", clientIp);
        m.put("first_seen", firstSeen.toString());
        m.put("last_seen", lastSeen.toString());
        m.put("boots", boots);
        m.put("host", host);
        m.put("unknown_answer", unknownAnswer);
        Map<String, Object> a = new java.util.LinkedHashMap<>();
        announced.forEach((target, at) -> a.put(target, at.toString()));
        m.put("announced", a);
        return m;
    }

    /** This record with {@code target} marked as announced at {@code at}. */
    public DiscoveredMachine announcedTo(String target, Instant at) {
        Map<String, Instant> a = new TreeMap<>(announced);
        a.put(target, at);
        return new DiscoveredMachine(id, macs, bootif, serial, manufacturer, product, uuid, arch, platform, clientIp,
                firstSeen, lastSeen, boots, host, unknownAnswer, a);
    }
}
