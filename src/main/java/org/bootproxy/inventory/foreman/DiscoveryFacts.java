package org.bootproxy.inventory.foreman;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bootproxy.boot.DiscoveredMachine;
import org.bootproxy.boot.MacAddress;

/**
 * A discovered machine as the facts Foreman Discovery reads from {@code POST /api/v2/discovered_hosts/facts}
 * ({@code {"facts": {…}}}), named as foreman_discovery's own sources and test facts name them:
 * <ul>
 *   <li>{@code discovery_bootif}: the MAC of the boot interface; Foreman finds the primary interface and names the
 *       host by it (the {@code discovery_fact} and {@code discovery_hostname} settings default to this fact)</li>
 *   <li>{@code interfaces}, {@code macaddress_<if>}, {@code ipaddress_<if>}: one entry per NIC; the boot interface must
 *       carry an address, or Foreman refuses the host ("Unable to find primary NIC")</li>
 *   <li>{@code discovery_bootip}, {@code ipaddress}, {@code macaddress}: the boot interface again, as the discovery
 *       image reports them</li>
 *   <li>{@code serialnumber}, {@code manufacturer}, {@code productname}, {@code uuid}: SMBIOS, as facter names them</li>
 * </ul>
 * NICs are named as iPXE names them ({@code net0}, {@code net1}, …). Facts only bootproxy knows carry a
 * {@code bootproxy_} prefix. Empty values are left out.
 */
final class DiscoveryFacts {
    private DiscoveryFacts() {
    }

    static Map<String, Object> of(DiscoveredMachine m, String bootproxyVersion, Instant now) {
        List<MacAddress> macs = new ArrayList<>(m.macs());
        MacAddress bootif = MacAddress.tryParse(m.bootif()).orElse(macs.get(0));
        if (!macs.contains(bootif)) {
            macs.add(bootif);
        }
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("discovery_bootif", bootif.colons());
        put(f, "discovery_bootip", m.clientIp());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < macs.size(); i++) {
            String name = "net" + i;
            names.add(name);
            f.put("macaddress_" + name, macs.get(i).colons());
            if (macs.get(i).equals(bootif)) {
                put(f, "ipaddress_" + name, m.clientIp());
            }
        }
        f.put("interfaces", String.join(",", names));
        f.put("macaddress", bootif.colons());
        put(f, "ipaddress", m.clientIp());
        put(f, "serialnumber", m.serial());
        put(f, "manufacturer", m.manufacturer());
        put(f, "productname", m.product());
        put(f, "uuid", m.uuid());
        put(f, "bootproxy_machine_id", m.id());
        put(f, "bootproxy_ipxe_buildarch", m.arch());
        put(f, "bootproxy_ipxe_platform", m.platform());
        put(f, "bootproxy_version", bootproxyVersion);
        f.put("_type", "foreman_discovery");
        f.put("_timestamp", now.toString());
        return Map.of("facts", f);
    }

    private static void put(Map<String, Object> f, String name, String value) {
        if (value != null && !value.isEmpty()) {
            f.put(name, value);
        }
    }
}
