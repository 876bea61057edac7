package org.bootproxy.inventory.foreman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.List;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.UpstreamUnavailable;
import org.junit.jupiter.api.Test;

/** Foreman's answers turned into a host: what Foreman may leave out is a mapping error; a bug is not. */
class ForemanHostMapperTest {

    final ForemanHostMapper mapper = new ForemanHostMapper("https://foreman.example.com");
    final ForemanJson.OsJson alma = new ForemanJson.OsJson(1, "AlmaLinux", "AlmaLinux 9.4", "9", "4", "Redhat", "");

    static ForemanJson.HostJson host(String name, List<ForemanJson.ParamJson> params) {
        return host(name, params, null);
    }

    static ForemanJson.HostJson host(String name, List<ForemanJson.ParamJson> params, String hostgroupTitle) {
        return new ForemanJson.HostJson(7, name, "192.0.2.11", "52:54:00:aa:00:01", true, "tok", "x86_64", 1L, null, null,
                "2026-01-01", hostgroupTitle, List.of(), params, List.of());
    }

    /** Foreman's host JSON carries hostgroup_title (app/views/api/v2/hosts/main.json.rabl): "Base/Web" is Base's child Web. */
    @Test
    void hostgroupTitleBecomesTheHostsGroupsAsForHostFiles() {
        Host h = mapper.host(host("web01.example.com", List.of(), "Base/Web"), alma, null, null);
        assertThat(h.groups()).containsExactly("Base", "Web");
        assertThat(h.group()).isEqualTo("Base/Web");
        assertThat(mapper.host(host("web02.example.com", List.of()), alma, null, null).group()).isEmpty();
    }

    @Test
    void mapsAHostWithoutMediumOrSubnet() {
        Host h = mapper.host(host("web01.example.com", List.of()), alma, null, null);
        assertThat(h.name()).isEqualTo("web01.example.com");
        assertThat(h.medium()).isEmpty();
        assertThat(h.source()).isEqualTo("https://foreman.example.com/api/v2/hosts/7");
        assertThat(h.upstreamId()).as("Foreman's host id: meta-data's instance-id is derived from it").isEqualTo("7");
    }

    @Test
    void hostWithoutANameIsAMappingErrorNamingItsId() {
        assertThatThrownBy(() -> mapper.host(host(null, List.of()), alma, null, null))
                .isInstanceOf(UpstreamUnavailable.class).hasMessage("mapping: Foreman's host 7 has no name");
    }

    @Test
    void mediumWithoutAPathIsNoMedium() {
        Host h = mapper.host(host("web01.example.com", List.of()), alma,
                new ForemanJson.MediumJson(1, "empty", null), null);
        assertThat(h.medium()).isEmpty();
    }

    @Test
    void valueBootproxyCannotUseIsAMappingError() {
        var subnet = new ForemanJson.SubnetJson(1, "lan", "255.255.255.0", "192.0.2.1", null, null, "Carrier pigeon");
        assertThatThrownBy(() -> mapper.host(host("web01.example.com", List.of()), alma, null, subnet))
                .isInstanceOf(UpstreamUnavailable.class)
                .hasMessageStartingWith("mapping: host web01.example.com from Foreman: subnet boot mode must be");
    }

    @Test
    void bugIsNotPassedOffAsAMappingError() {
        // before, any NullPointerException while mapping became "mapping: host … from Foreman: null"
        var params = Arrays.asList(new ForemanJson.ParamJson("kernelcmd", TextNode.valueOf("x")), null);
        assertThatThrownBy(() -> mapper.host(host("web01.example.com", params), alma, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
