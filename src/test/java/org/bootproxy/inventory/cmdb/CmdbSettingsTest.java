package org.bootproxy.inventory.cmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The CMDB mapping language is checked when bootproxy starts, and each mistake names its config key. */
class CmdbSettingsTest {

    @Test
    void urlTemplateWithoutAMacIsRefused() {
        assertThatThrownBy(() -> CmdbYaml.settings("""
                url: https://cmdb.example.com/api/hosts
                mapping: {name: /lookup/name, os.family: Redhat}
                """))
                .isInstanceOf(CmdbSettings.Invalid.class)
                .hasMessageContaining("inventory.cmdb.url: 'https://cmdb.example.com/api/hosts' has no MAC placeholder");
    }

    @Test
    void placeholderIntoAResponseNotYetFetchedIsRefused() {
        assertThatThrownBy(() -> CmdbYaml.settings("""
                url: "https://cmdb.example.com/api/hosts?mac={mac}"
                requests: [{name: device, url: "https://cmdb.example.com/d/{/rack/id}"}]
                mapping: {name: /lookup/name, os.family: Redhat}
                """))
                .isInstanceOf(CmdbSettings.Invalid.class)
                .hasMessageContaining("inventory.cmdb.requests[0].url: placeholder {/rack/id} points into 'rack',"
                        + " which is not an earlier response; allowed: lookup");
    }

    @Test
    void unknownMappingFieldListsTheAllowedOnes() {
        assertThatThrownBy(() -> CmdbYaml.settings("""
                url: "https://cmdb.example.com/api/hosts?mac={mac}"
                mapping: {hostname: /lookup/name}
                """))
                .isInstanceOf(CmdbSettings.Invalid.class)
                .hasMessageStartingWith("inventory.cmdb.mapping: unknown field 'hostname'; allowed: name, build, token");
    }

    @Test
    void interfacesWithoutTheirMacPointerAreRefused() {
        assertThatThrownBy(() -> CmdbYaml.settings("""
                url: "https://cmdb.example.com/api/hosts?mac={mac}"
                mapping: {name: /lookup/name, os.family: Redhat, interfaces: /lookup/nics}
                """))
                .isInstanceOf(CmdbSettings.Invalid.class)
                .hasMessageStartingWith("inventory.cmdb.mapping.interface.mac is required with mapping.interfaces");
    }

    @Test
    void badMatchExpressionNamesTheExpression() {
        assertThatThrownBy(() -> CmdbYaml.settings("""
                url: "https://cmdb.example.com/api/hosts?mac={mac}"
                mapping: {name: /lookup/name, os.family: Redhat, ip: {pointer: /lookup/ip, match: "(["}}
                """))
                .isInstanceOf(CmdbSettings.Invalid.class)
                .hasMessageStartingWith("inventory.cmdb.mapping: match '([' is not a regular expression");
    }

    @Test
    void followUpRequestNamesAreWordsUsedOnce() {
        assertThatThrownBy(() -> CmdbYaml.settings("""
                url: "https://cmdb.example.com/api/hosts?mac={mac}"
                requests: [{name: lookup, url: "https://cmdb.example.com/x/{mac}"}]
                mapping: {name: /lookup/name, os.family: Redhat}
                """))
                .isInstanceOf(CmdbSettings.Invalid.class)
                .hasMessageContaining("inventory.cmdb.requests[0].name: 'lookup' is used twice");
    }

    @Test
    void noUrlSaysItIsRequiredForTypeCmdb() {
        assertThatThrownBy(() -> CmdbYaml.settings("mapping: {name: /lookup/name, os.family: Redhat}\n"))
                .isInstanceOf(CmdbSettings.Invalid.class)
                .hasMessageStartingWith("inventory.cmdb.url is not set; it is required when inventory.type is cmdb");
    }

    @Test
    void fieldsArePointersOrConstantsAndMatchIsARegularExpression() {
        CmdbSettings s = CmdbYaml.settings("url: \"https://cmdb.example.com/hosts?mac={mac}\"\n"
                + "mapping: {name: /lookup/name, os.family: Debian, ip: {pointer: /lookup/ip, match: \"^([^/]+)\"}}\n");
        assertThat(s.mapping().get("name").isConstant()).isFalse();
        assertThat(s.mapping().get("os.family").isConstant()).isTrue();
        assertThat(s.mapping().get("ip").match().matcher("192.0.2.11/24").results().findFirst().orElseThrow().group(1))
                .isEqualTo("192.0.2.11");
    }
}
