package org.bootproxy.inventory.cmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.fakes.Hosts;
import org.junit.jupiter.api.Test;

/** The mapping applied to a gathered document: data it cannot use is a mapping error; a bug is not. */
class CmdbMapperTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static CmdbMapper mapper(String mappingYaml) {
        return new CmdbMapper(CmdbYaml.settings("url: \"https://cmdb.example.com/h?mac={mac}\"\nmapping: " + mappingYaml).mapping());
    }

    static JsonNode doc(String lookupJson) throws Exception {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set("lookup", JSON.readTree(lookupJson));
        return doc;
    }

    @Test
    void mapsTheNameAndFamily() throws Exception {
        var h = mapper("{name: /lookup/n, os.family: /lookup/f}").host(doc("{\"n\":\"web01\",\"f\":\"Redhat\"}"),
                Hosts.WEB01_MAC, "test");
        assertThat(h.name()).isEqualTo("web01");
        assertThat(h.os().family()).isEqualTo("Redhat");
    }

    @Test
    void emptyFamilyIsAMappingErrorNamingTheField() {
        assertThatThrownBy(() -> mapper("{name: /lookup/n, os.family: /lookup/f}")
                .host(doc("{\"n\":\"web01\",\"f\":\"\"}"), Hosts.WEB01_MAC, "test"))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessage("mapping: field os.family: has no value (Redhat, Debian, …)");
    }

    @Test
    void bugWhileReadingAFieldIsNotPassedOffAsAMissingFamily() throws Exception {
        // before, any NullPointerException while the operating system was read became "os.family has no value"
        ObjectNode exploding = new ObjectNode(JsonNodeFactory.instance) {
            @Override
            protected JsonNode _at(JsonPointer ptr) {
                if (ptr.toString().equals("/lookup/arch")) {
                    throw new NullPointerException("bug");
                }
                return super._at(ptr);
            }
        };
        exploding.setAll((ObjectNode) doc("{\"n\":\"web01\",\"f\":\"Redhat\",\"arch\":\"x86_64\"}"));
        CmdbMapper m = mapper("{name: {value: web01}, os.family: {value: Redhat}, os.arch: /lookup/arch}");
        assertThatThrownBy(() -> m.host(exploding, Hosts.WEB01_MAC, "test"))
                .isInstanceOf(NullPointerException.class).hasMessage("bug");
    }
}
