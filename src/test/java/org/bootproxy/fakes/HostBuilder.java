package org.bootproxy.fakes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;

/**
 * A {@link Host} for a test, starting from one of the {@link Hosts} so the test names only what it changes:
 * {@code Hosts.web01().inBuild(false).build()}, {@code Hosts.web01().token("tok-new").revision("rev-2").build()}.
 */
public final class HostBuilder {
    private String name;
    private boolean build;
    private String token;
    private final List<Nic> nics;
    private OperatingSystem os;
    private String medium;
    private Subnet subnet;
    private final Map<String, String> params;
    private final Map<TemplateKind, String> templates;
    private String revision;
    private String source;
    private List<String> groups;
    private String upstreamId;
    private Optional<Instant> tokenExpires;

    private HostBuilder(Host h) {
        name = h.name();
        build = h.build();
        token = h.token();
        nics = new ArrayList<>(h.interfaces());
        os = h.os();
        medium = h.medium();
        subnet = h.subnet();
        params = new LinkedHashMap<>(h.params());
        templates = new EnumMap<>(TemplateKind.class);
        templates.putAll(h.templates());
        revision = h.revision();
        source = h.source();
        groups = h.groups();
        upstreamId = h.upstreamId();
        tokenExpires = h.tokenExpires();
    }

    /** A copy of {@code host} to change. */
    public static HostBuilder from(Host host) {
        return new HostBuilder(host);
    }

    public HostBuilder name(String newName) {
        this.name = newName;
        return this;
    }

    public HostBuilder inBuild(boolean newBuild) {
        this.build = newBuild;
        return this;
    }

    public HostBuilder token(String newToken) {
        this.token = newToken;
        return this;
    }

    /** Replaces every NIC by this one (it provisions). */
    public HostBuilder onlyNic(MacAddress mac, String ip) {
        nics.clear();
        nics.add(new Nic(mac, ip, "eth0", true));
        return this;
    }

    public HostBuilder os(OperatingSystem newOs) {
        this.os = newOs;
        return this;
    }

    public HostBuilder medium(String url) {
        this.medium = url;
        return this;
    }

    public HostBuilder subnet(Subnet newSubnet) {
        this.subnet = newSubnet;
        return this;
    }

    public HostBuilder param(String key, String value) {
        params.put(key, value);
        return this;
    }

    public HostBuilder noParams() {
        params.clear();
        return this;
    }

    public HostBuilder template(TemplateKind kind, String template) {
        templates.put(kind, template);
        return this;
    }

    public HostBuilder revision(String newRevision) {
        this.revision = newRevision;
        return this;
    }

    public HostBuilder source(String newSource) {
        this.source = newSource;
        return this;
    }

    /** The host's id upstream (Foreman's host id). */
    public HostBuilder upstreamId(String id) {
        this.upstreamId = id;
        return this;
    }

    public HostBuilder tokenExpires(Instant at) {
        this.tokenExpires = Optional.of(at);
        return this;
    }

    /** The host groups it was made from, outermost first. */
    public HostBuilder groups(String... names) {
        this.groups = List.of(names);
        return this;
    }

    public Host build() {
        return new Host(name, build, token, nics, os, medium, subnet, params, templates, revision, source, upstreamId,
                tokenExpires, groups);
    }
}
