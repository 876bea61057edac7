package org.bootproxy.inventory.cmdb;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.Nic;

/** A home-grown CMDB as in docs/upstream.md: GET /api/hosts?mac=… answers the host or 404. */
final class HomegrownStubs {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HomegrownStubs() {
    }

    static void serve(java.util.function.Consumer<com.github.tomakehurst.wiremock.client.MappingBuilder> wm, List<Host> hosts) {
        wm.accept(get(urlPathEqualTo("/api/hosts")).atPriority(10).willReturn(notFound()
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"no host with that MAC\"}")));
        for (Host h : hosts) {
            for (Nic n : h.interfaces()) {
                wm.accept(get(urlPathEqualTo("/api/hosts")).atPriority(1).withQueryParam("mac", equalTo(n.mac().colons()))
                        .willReturn(okJson(host(h).toString())));
            }
        }
    }

    static ObjectNode host(Host h) {
        ObjectNode o = JSON.createObjectNode().put("hostname", h.name()).put("build", h.build());
        if (h.token().isEmpty()) {
            o.putNull("build_token");
        } else {
            o.put("build_token", h.token());
        }
        o.putObject("os").put("name", h.os().name()).put("family", h.os().family()).put("major", h.os().major())
                .put("minor", h.os().minor()).put("arch", h.os().arch()).put("release", h.os().releaseName());
        o.put("install_url", h.medium());
        ObjectNode net = o.putObject("network").put("mask", h.subnet().mask()).put("gateway", h.subnet().gateway())
                .put("boot", h.subnet().bootMode());
        h.subnet().dns().forEach(net.putArray("dns")::add);
        ObjectNode params = o.putObject("params");
        h.params().forEach(params::put);
        ObjectNode templates = o.putObject("templates");
        h.templates().forEach((k, v) -> templates.put(k.foremanName(), v));
        var nics = o.putArray("nics");
        for (Nic n : h.interfaces()) {
            nics.addObject().put("mac", n.mac().colons().toUpperCase()).put("ip", n.ip()).put("name", n.identifier())
                    .put("primary", n.provision());
        }
        o.put("rack", "R12").put("owner", "platform team");
        return o;
    }
}
