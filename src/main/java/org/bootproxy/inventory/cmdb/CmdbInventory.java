package org.bootproxy.inventory.cmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.inventory.upstream.HttpTrace;
import org.bootproxy.inventory.upstream.UpstreamHttp;
import org.bootproxy.inventory.upstream.UpstreamInventory;

/**
 * Hosts from any CMDB that speaks HTTP/JSON, wired by {@code inventory.cmdb}: the lookup URL with the MAC,
 * then the follow-up requests, each answer stored in one document under its name ({@code lookup}, …),
 * then the mapping. A 404 to the lookup, or an empty {@code exists} pointer, means "not known".
 */
public final class CmdbInventory implements UpstreamInventory {

    private final CmdbSettings config;
    private final UpstreamHttp http;
    private final CmdbMapper mapper;

    public CmdbInventory(CmdbSettings config) {
        this(config, UpstreamHttp.DEFAULT_MAX_ANSWER_BYTES);
    }

    /** @param maxAnswerBytes the CMDB's answers are read up to this many bytes (inventory.max_answer_bytes) */
    public CmdbInventory(CmdbSettings config, long maxAnswerBytes) {
        this.config = Objects.requireNonNull(config);
        this.mapper = new CmdbMapper(config.mapping());
        String k = CmdbSettings.KEY;
        this.http = new UpstreamHttp(new UpstreamHttp.Endpoint(config.name() + " at " + origin(config.url()), k,
                config.connectTimeout(), config.readTimeout(), config.caFile(), config.clientCert(), config.clientKey(),
                config.headers(), config.basicUser(), config.basicPassword(), config.bearerToken(),
                k + ".auth (or the Authorization header in " + k + ".headers)",
                "the account needs read access to what " + k + ".url and " + k + ".requests ask for", maxAnswerBytes));
    }

    @Override
    public Optional<Host> findByMac(MacAddress mac, HttpTrace trace) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        String url = UrlTemplate.expand(config.url(), mac, doc, "url");
        UpstreamHttp.Response r = http.get(url, trace);
        if (r.status() == 404) {
            return Optional.empty();
        }
        if (!r.ok()) {
            throw http.failure(r);
        }
        doc.set("lookup", http.json(r));
        if (!config.exists().isEmpty() && absent(doc.at(config.exists()))) {
            return Optional.empty();
        }
        for (CmdbSettings.Request q : config.requests()) {
            UpstreamHttp.Response rr = http.get(UrlTemplate.expand(q.url(), mac, doc, "requests." + q.name() + ".url"), trace);
            if (!rr.ok()) {
                throw http.failure(rr);
            }
            doc.set(q.name(), http.json(rr));
        }
        return Optional.of(mapper.host(doc, mac, url));
    }

    /** Missing, null, false, 0, "" and empty lists or objects all say "no such host". */
    private static boolean absent(JsonNode n) {
        return n.isMissingNode() || n.isNull()
                || (n.isBoolean() && !n.booleanValue())
                || (n.isNumber() && n.asDouble() == 0)
                || (n.isTextual() && n.asText().isEmpty())
                || (n.isContainerNode() && n.isEmpty());
    }

    private static String origin(String template) {
        int slash = template.indexOf('/', template.indexOf("//") + 2);
        return slash < 0 ? template : template.substring(0, slash);
    }

    @Override
    public String describe() {
        return config.name() + " at " + config.url() + (config.requests().isEmpty() ? ""
                : " then " + String.join(", ", config.requests().stream().map(CmdbSettings.Request::name).toList()));
    }

    @Override
    public void close() {
        http.close();
    }
}
