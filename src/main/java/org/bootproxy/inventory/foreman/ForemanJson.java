package org.bootproxy.inventory.foreman;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The parts of Foreman's API v2 answers bootproxy reads (shapes from app/views/api/v2/**.rabl). */
final class ForemanJson {

    private ForemanJson() {
    }

    /** GET /api/v2/hosts?search=…: {"total":…, "subtotal":…, "page":1, "per_page":…, "results":[…]} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Page(@JsonProperty("results") List<HostRef> results) {
        Page {
            results = results == null ? List.of() : results;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record HostRef(@JsonProperty("id") long id, @JsonProperty("name") String name) {
    }

    /**
     * GET /api/v2/hosts/:id (main + show: interfaces, parameters, all_parameters). {@code hostgroup_title} is the
     * hostgroup's title, its parents' names and its own joined with "/" (app/views/api/v2/hosts/main.json.rabl).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record HostJson(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("ip") String ip,
            @JsonProperty("mac") String mac,
            @JsonProperty("build") boolean build,
            @JsonProperty("token") String token,
            @JsonProperty("architecture_name") String architectureName,
            @JsonProperty("operatingsystem_id") Long operatingsystemId,
            @JsonProperty("medium_id") Long mediumId,
            @JsonProperty("subnet_id") Long subnetId,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("hostgroup_title") String hostgroupTitle,
            @JsonProperty("interfaces") List<InterfaceJson> interfaces,
            @JsonProperty("parameters") List<ParamJson> parameters,
            @JsonProperty("all_parameters") List<ParamJson> allParameters) {
        HostJson {
            interfaces = interfaces == null ? List.of() : interfaces;
            parameters = parameters == null ? List.of() : parameters;
            allParameters = allParameters == null ? List.of() : allParameters;
        }
    }

    /** interfaces/base.json.rabl: id, name, ip, mac, identifier, primary, provision, type */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InterfaceJson(
            @JsonProperty("id") Long id,
            @JsonProperty("name") String name,
            @JsonProperty("ip") String ip,
            @JsonProperty("mac") String mac,
            @JsonProperty("identifier") String identifier,
            @JsonProperty("primary") boolean primary,
            @JsonProperty("provision") boolean provision,
            @JsonProperty("type") String type) {
    }

    /** parameters: name and value; the value is typed (string, boolean, integer, yaml, json…). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ParamJson(@JsonProperty("name") String name, @JsonProperty("value") JsonNode value) {
        String text() {
            if (value == null || value.isNull()) {
                return "";
            }
            return value.isValueNode() ? value.asText() : value.toString();
        }
    }

    /** GET /api/v2/operatingsystems/:id */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OsJson(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("title") String title,
            @JsonProperty("major") String major,
            @JsonProperty("minor") String minor,
            @JsonProperty("family") String family,
            @JsonProperty("release_name") String releaseName) {
    }

    /** GET /api/v2/media/:id: the path still holds $major, $minor, $arch, $version, $release */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MediumJson(@JsonProperty("id") long id, @JsonProperty("name") String name, @JsonProperty("path") String path) {
    }

    /** GET /api/v2/subnets/:id; boot_mode is "DHCP" or "Static" */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SubnetJson(
            @JsonProperty("id") long id,
            @JsonProperty("name") String name,
            @JsonProperty("mask") String mask,
            @JsonProperty("gateway") String gateway,
            @JsonProperty("dns_primary") String dnsPrimary,
            @JsonProperty("dns_secondary") String dnsSecondary,
            @JsonProperty("boot_mode") String bootMode) {
    }
}
