package org.bootproxy.inventory.foreman;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import java.util.List;
import java.util.function.Consumer;
import java.util.Map;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.Nic;

/**
 * Turns hosts into WireMock stubs shaped like Foreman's API v2 answers (app/views/api/v2/…rabl):
 * the search page, the host with interfaces and parameters, its operating system, medium (with
 * $major/$minor/$arch left in the path, as Foreman stores it) and subnet.
 */
final class ForemanStubs {

    static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<MappingBuilder> wm;
    private int delayMs;

    /** @param register adds a stub: {@code b -> server.stubFor(b)} */
    ForemanStubs(Consumer<MappingBuilder> register) {
        this.wm = register;
    }

    /** Every answer arrives after this many milliseconds. */
    ForemanStubs withDelay(int ms) {
        this.delayMs = ms;
        return this;
    }

    /** Stubs for these hosts, host i getting id i+1; unknown searches find nothing. */
    void serve(List<Host> hosts) {
        wm.accept(get(urlPathEqualTo("/api/v2/hosts")).atPriority(10).willReturn(json(page(List.of()))));
        for (int i = 0; i < hosts.size(); i++) {
            serve(hosts.get(i), i + 1);
        }
    }

    void serve(Host h, long id) {
        for (Nic n : h.interfaces()) {
            wm.accept(get(urlPathEqualTo("/api/v2/hosts")).atPriority(1)
                    .withQueryParam("search", equalTo("has_mac=" + n.mac().colons()))
                    .willReturn(json(page(List.of(Map.entry(id, h.name()))))));
        }
        wm.accept(get(urlPathEqualTo("/api/v2/hosts/" + id)).willReturn(json(host(h, id))));
        wm.accept(get(urlPathEqualTo("/api/v2/operatingsystems/" + id)).willReturn(json(os(h, id))));
        wm.accept(get(urlPathEqualTo("/api/v2/media/" + id)).willReturn(json(medium(h, id))));
        wm.accept(get(urlPathEqualTo("/api/v2/subnets/" + id)).willReturn(json(subnet(h, id))));
    }

    /**
     * The build listing ({@code search=build=true}, pages of {@link ForemanInventory#PAGE} ordered by id): host i of
     * {@code hosts} with id i+1, as {@link #serve} numbers them, showing {@code updatedAt} and its parameters.
     */
    void serveBuildListing(List<Host> hosts, String updatedAt) {
        serveBuildListing(hosts, java.util.stream.LongStream.rangeClosed(1, hosts.size()).boxed().toList(), updatedAt);
    }

    /** The build listing of {@code hosts}, host i having the id {@code ids.get(i)}. */
    void serveBuildListing(List<Host> hosts, List<Long> ids, String updatedAt) {
        int pages = Math.max(1, (hosts.size() + ForemanInventory.PAGE - 1) / ForemanInventory.PAGE);
        for (int p = 1; p <= pages + 1; p++) {
            ObjectNode page = JSON.createObjectNode();
            page.put("total", hosts.size()).put("subtotal", hosts.size()).put("page", p).put("per_page", ForemanInventory.PAGE)
                    .put("search", "build=true");
            ArrayNode results = page.putArray("results");
            for (int i = (p - 1) * ForemanInventory.PAGE; i < Math.min(hosts.size(), p * ForemanInventory.PAGE); i++) {
                Host h = hosts.get(i);
                ObjectNode listed = host(h, ids.get(i));
                listed.remove("interfaces"); // the listing has the primary MAC and IP only (hosts/main.json.rabl)
                listed.put("updated_at", updatedAt);
                results.add(listed);
            }
            wm.accept(get(urlPathEqualTo("/api/v2/hosts")).atPriority(1)
                    .withQueryParam("search", equalTo("build=true")).withQueryParam("page", equalTo(String.valueOf(p)))
                    .willReturn(json(page)));
        }
    }

    private com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(ObjectNode body) {
        return okJson(body.toString()).withFixedDelay(delayMs);
    }

    static ObjectNode page(List<Map.Entry<Long, String>> hosts) {
        ObjectNode p = JSON.createObjectNode();
        p.put("total", 3).put("subtotal", hosts.size()).put("page", 1).put("per_page", 10).put("search", "");
        p.putObject("sort").putNull("by").putNull("order");
        ArrayNode results = p.putArray("results");
        for (var e : hosts) {
            results.addObject().put("id", e.getKey()).put("name", e.getValue()).put("build", false);
        }
        return p;
    }

    static ObjectNode host(Host h, long id) {
        Nic p = h.provisionInterface();
        ObjectNode o = JSON.createObjectNode();
        o.put("ip", p.ip()).putNull("ip6").put("mac", p.mac().colons()).put("id", id).put("name", h.name())
                .put("domain_name", h.name().substring(h.name().indexOf('.') + 1))
                .put("architecture_id", 1).put("architecture_name", h.os().arch())
                .put("operatingsystem_id", id).put("operatingsystem_name", h.os().name() + " " + h.os().version())
                .put("subnet_id", id).put("subnet_name", "prov-" + id)
                .put("medium_id", id).put("medium_name", h.os().name() + " mirror")
                .put("pxe_loader", "PXELinux BIOS").put("build", h.build()).put("managed", true).put("enabled", true)
                .put("created_at", "2026-11-01 09:00:00 UTC").put("updated_at", "2026-11-20 10:00:00 UTC")
                .put("hostgroup_title", "base/web");
        if (!h.token().isEmpty()) {
            o.put("token", h.token());
        }
        ArrayNode params = o.putArray("all_parameters");
        ArrayNode own = o.putArray("parameters");
        int pid = 1;
        for (var e : h.params().entrySet()) {
            params.addObject().put("priority", 60).put("created_at", "2026-11-01 09:00:00 UTC")
                    .put("name", e.getKey()).put("parameter_type", "string").put("value", e.getValue())
                    .put("associated_type", "host").put("id", pid++);
        }
        params.addObject().put("priority", 30).put("name", "inherited_from_hostgroup").put("parameter_type", "boolean")
                .put("value", true).put("associated_type", "hostgroup").put("id", pid++);
        for (var e : h.templates().entrySet()) {
            own.addObject().put("name", ForemanHostMapper.TEMPLATE_PARAM + e.getKey().foremanName())
                    .put("parameter_type", "string").put("value", e.getValue()).put("id", pid++);
        }
        ArrayNode ifs = o.putArray("interfaces");
        int nid = 1;
        for (Nic n : h.interfaces()) {
            ObjectNode i = ifs.addObject().put("id", id * 100 + nid++).put("name", n.provision() ? h.name() : "")
                    .put("mac", n.mac().colons()).put("identifier", n.identifier())
                    .put("primary", n.provision()).put("provision", n.provision()).put("type", "interface");
            if (n.ip().isEmpty()) {
                i.putNull("ip");
            } else {
                i.put("ip", n.ip());
            }
        }
        // a BMC interface: never a boot NIC
        ifs.addObject().put("id", id * 100 + 99).put("name", "bmc-" + h.name()).put("ip", "198.51.100." + id)
                .put("mac", String.format("02:00:00:00:ff:%02x", id)).put("identifier", "").put("primary", false)
                .put("provision", false).put("type", "bmc");
        return o;
    }

    static ObjectNode os(Host h, long id) {
        return JSON.createObjectNode().put("id", id).put("name", h.os().name())
                .put("title", h.os().name() + " " + h.os().version()).put("description", "")
                .put("major", h.os().major()).put("minor", h.os().minor()).put("family", h.os().family())
                .put("release_name", h.os().releaseName());
    }

    /** The medium path as Foreman stores it: version and architecture as variables. */
    static ObjectNode medium(Host h, long id) {
        String path = h.medium();
        if (!h.os().minor().isEmpty()) {
            path = path.replace("/" + h.os().version() + "/", "/$major.$minor/");
        }
        path = path.replace("/" + h.os().arch() + "/", "/$arch/");
        return JSON.createObjectNode().put("id", id).put("name", h.os().name() + " mirror").put("path", path)
                .put("os_family", h.os().family());
    }

    static ObjectNode subnet(Host h, long id) {
        ObjectNode s = JSON.createObjectNode().put("id", id).put("name", "prov-" + id).put("network", "192.0.2.0")
                .put("network_type", "IPv4").put("cidr", 24).put("mask", h.subnet().mask())
                .put("gateway", h.subnet().gateway())
                .put("dns_primary", h.subnet().dns().isEmpty() ? "" : h.subnet().dns().get(0))
                .put("dns_secondary", h.subnet().dns().size() > 1 ? h.subnet().dns().get(1) : "")
                .put("ipam", "DHCP").put("boot_mode", h.subnet().isStatic() ? "Static" : "DHCP");
        return s;
    }

    static MappingBuilder anyHostsSearch() {
        return get(urlPathEqualTo("/api/v2/hosts"));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder status(int code, String body) {
        return aResponse().withStatus(code).withHeader("Content-Type", "application/json").withBody(body);
    }
}
