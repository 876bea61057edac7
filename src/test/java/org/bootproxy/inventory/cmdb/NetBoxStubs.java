package org.bootproxy.inventory.cmdb;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.function.Consumer;

/**
 * NetBox 4 answers for one device, web01 (id 12), shaped like /api/dcim/interfaces/ and /api/dcim/devices/{id}/:
 * paginated lists, nested brief objects, MACs in upper case, the primary IP with its prefix length, and a
 * config_context merged from config contexts and the device's local context data.
 */
final class NetBoxStubs {

    private NetBoxStubs() {
    }

    static void serve(Consumer<MappingBuilder> register) {
        String empty = "{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}";
        register.accept(get(urlPathEqualTo("/api/dcim/interfaces/")).atPriority(10).willReturn(okJson(empty)));
        for (String mac : new String[] {"52:54:00:aa:00:01", "52:54:00:aa:00:02"}) {
            register.accept(get(urlPathEqualTo("/api/dcim/interfaces/")).atPriority(1)
                    .withQueryParam("mac_address", equalTo(mac))
                    .willReturn(okJson("{\"count\":1,\"next\":null,\"previous\":null,\"results\":[" + iface(mac) + "]}")));
        }
        register.accept(get(urlPathEqualTo("/api/dcim/interfaces/")).atPriority(1)
                .withQueryParam("device_id", equalTo("12"))
                .willReturn(okJson("{\"count\":3,\"next\":null,\"previous\":null,\"results\":["
                        + iface("52:54:00:aa:00:01") + "," + iface("52:54:00:aa:00:02") + ","
                        + "{\"id\":103,\"name\":\"bond0\",\"type\":{\"value\":\"lag\",\"label\":\"Link Aggregation Group (LAG)\"},"
                        + "\"mac_address\":null,\"device\":{\"id\":12,\"name\":\"web01\"},\"custom_fields\":{}}]}")));
        register.accept(get(urlPathEqualTo("/api/dcim/devices/12/")).willReturn(okJson(DEVICE)));
    }

    private static String iface(String mac) {
        boolean first = mac.endsWith("01");
        return "{\"id\":" + (first ? 101 : 102) + ",\"url\":\"https://netbox.example.com/api/dcim/interfaces/" + (first ? 101 : 102)
                + "/\",\"display\":\"" + (first ? "eno1" : "eno2") + "\",\"device\":{\"id\":12,"
                + "\"url\":\"https://netbox.example.com/api/dcim/devices/12/\",\"display\":\"web01\",\"name\":\"web01\"},"
                + "\"name\":\"" + (first ? "eno1" : "eno2") + "\",\"type\":{\"value\":\"1000base-t\",\"label\":\"1000BASE-T (1GE)\"},"
                + "\"enabled\":true,\"mtu\":null,\"mac_address\":\"" + mac.toUpperCase() + "\",\"mgmt_only\":false,"
                + "\"custom_fields\":{\"bootproxy_provision\":" + first + "},\"last_updated\":\"2026-11-20T10:00:00.000000Z\"}";
    }

    static final String DEVICE = """
            {"id": 12, "url": "https://netbox.example.com/api/dcim/devices/12/", "display": "web01", "name": "web01",
             "device_type": {"id": 3, "manufacturer": {"id": 1, "name": "Dell"}, "model": "PowerEdge R650"},
             "role": {"id": 2, "name": "Web"}, "site": {"id": 1, "name": "DC1"}, "rack": {"id": 7, "name": "R12"},
             "status": {"value": "planned", "label": "Planned"},
             "primary_ip4": {"id": 40, "family": {"value": 4, "label": "IPv4"}, "address": "192.0.2.11/24"},
             "primary_ip": {"id": 40, "address": "192.0.2.11/24"},
             "config_context": {
               "ntp_servers": ["192.0.2.123"],
               "bootproxy": {
                 "build": true,
                 "os": {"name": "AlmaLinux", "family": "Redhat", "major": "9", "minor": "4", "arch": "x86_64"},
                 "medium": "http://mirror.example.com/almalinux/$version/BaseOS/$arch/os",
                 "subnet": {"mask": "255.255.255.0", "gateway": "192.0.2.1", "dns": ["192.0.2.53"], "boot_mode": "dhcp"},
                 "params": {"kernelcmd": "console=ttyS0"},
                 "templates": {"iPXE": "ipxe/kickstart"}
               }
             },
             "local_context_data": {"bootproxy": {"build": true}},
             "custom_fields": {}, "created": "2026-11-01T09:00:00Z", "last_updated": "2026-11-20T10:00:00.000000Z"}
            """;
}
