package org.bootproxy.boot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A host as an inventory backend describes it.
 *
 * @param name       fully qualified host name
 * @param build      true while the host should (re)install; false means boot from local disk
 * @param token      the build token (Foreman's), or "" for none
 * @param interfaces all its NICs; the host is found by the MAC of any of them
 * @param os         operating system to install
 * @param medium     base URL of the install tree (already with $major/$minor/$arch filled in)
 * @param subnet     provisioning subnet
 * @param params     free parameters (kernelcmd, …), inherited ones included
 * @param templates  per-kind template overrides, e.g. {iPXE: "ipxe/kickstart"}
 * @param revision   an opaque string that changes whenever the upstream definition changes
 *                   (content hash, token, updated_at): a local "built" mark applies only to the
 *                   revision it was recorded against, so re-enabling build upstream is seen
 * @param source     where the definition came from (a file path, a URL), for logs and errors
 * @param upstreamId the host's id in its inventory (Foreman's host id), or "" when it has none; cloud-init's
 *                   instance-id is derived from it as Foreman derives it, from the name when empty
 * @param tokenExpires when {@code token} stops being valid (Foreman's token_duration after the host entered build);
 *                   empty: it does not expire here (Foreman shows a token only while it is valid)
 * @param groups     the host groups its settings were merged from, outermost first (files: the {@code group:}
 *                   chain, groups a group includes before it; Foreman: the hostgroup title split at "/"), or none
 */
public record Host(
        String name,
        boolean build,
        String token,
        List<Nic> interfaces,
        OperatingSystem os,
        String medium,
        Subnet subnet,
        Map<String, String> params,
        Map<TemplateKind, String> templates,
        String revision,
        String source,
        String upstreamId,
        Optional<Instant> tokenExpires,
        List<String> groups) {

    public Host {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("host name is empty");
        }
        token = token == null ? "" : token;
        interfaces = List.copyOf(Objects.requireNonNull(interfaces, "interfaces"));
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException("host " + name + " has no interfaces");
        }
        Objects.requireNonNull(os, "os");
        medium = medium == null ? "" : medium;
        subnet = subnet == null ? Subnet.DHCP : subnet;
        params = params == null ? Map.of() : Map.copyOf(params);
        templates = templates == null ? Map.of() : Map.copyOf(templates);
        revision = revision == null ? "" : revision;
        source = source == null ? "" : source;
        upstreamId = upstreamId == null ? "" : upstreamId;
        tokenExpires = tokenExpires == null ? Optional.empty() : tokenExpires;
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A host that belongs to no group. */
    public Host(String name, boolean build, String token, List<Nic> interfaces, OperatingSystem os, String medium,
                Subnet subnet, Map<String, String> params, Map<TemplateKind, String> templates, String revision,
                String source, String upstreamId, Optional<Instant> tokenExpires) {
        this(name, build, token, interfaces, os, medium, subnet, params, templates, revision, source, upstreamId,
                tokenExpires, List.of());
    }

    /** A host without an upstream id whose token does not expire here. */
    public Host(String name, boolean build, String token, List<Nic> interfaces, OperatingSystem os, String medium,
                Subnet subnet, Map<String, String> params, Map<TemplateKind, String> templates, String revision,
                String source) {
        this(name, build, token, interfaces, os, medium, subnet, params, templates, revision, source, "", Optional.empty(),
                List.of());
    }

    /**
     * Its group as Foreman titles a hostgroup: the groups joined with "/" ({@code base/web}), "" for none.
     * Templates see it as {@code host.group} and {@code hostgroup}.
     */
    public String group() {
        return String.join("/", groups);
    }

    /** The interface the host installs through: the one marked provision, else the first. */
    public Nic provisionInterface() {
        return interfaces.stream().filter(Nic::provision).findFirst().orElse(interfaces.get(0));
    }

    public boolean hasMac(MacAddress mac) {
        return interfaces.stream().anyMatch(n -> n.mac().equals(mac));
    }

    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    public Host withBuild(boolean newBuild) {
        return new Host(name, newBuild, token, interfaces, os, medium, subnet, params, templates, revision, source,
                upstreamId, tokenExpires, groups);
    }

    public Host withUpstreamId(String id) {
        return new Host(name, build, token, interfaces, os, medium, subnet, params, templates, revision, source, id,
                tokenExpires, groups);
    }

    public Host withTokenExpires(Instant expires) {
        return new Host(name, build, token, interfaces, os, medium, subnet, params, templates, revision, source,
                upstreamId, Optional.of(expires), groups);
    }

    /** The same host in these groups (outermost first). */
    public Host withGroups(List<String> newGroups) {
        return new Host(name, build, token, interfaces, os, medium, subnet, params, templates, revision, source,
                upstreamId, tokenExpires, newGroups);
    }

    /** Whether the host has a token and it expired before {@code now} (Foreman's {@code token_expired?}). */
    public boolean tokenExpired(Instant now) {
        return !token.isEmpty() && tokenExpires.map(now::isAfter).orElse(false);
    }
}
