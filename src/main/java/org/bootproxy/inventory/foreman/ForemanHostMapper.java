package org.bootproxy.inventory.foreman;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UpstreamUnavailable;
import org.bootproxy.inventory.upstream.MediumPath;
import org.bootproxy.inventory.upstream.Revision;

/**
 * Turns Foreman's answers into a {@link Host}. Template overrides come from host parameters named
 * {@code bootproxy_template_<kind>} (e.g. {@code bootproxy_template_iPXE = ipxe/kickstart}).
 */
final class ForemanHostMapper {

    static final String TEMPLATE_PARAM = "bootproxy_template_";

    private final String baseUrl;

    ForemanHostMapper(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    Host host(ForemanJson.HostJson h, ForemanJson.OsJson os, ForemanJson.MediumJson medium, ForemanJson.SubnetJson subnet) {
        if (h.name() == null || h.name().isBlank()) {
            throw new UpstreamUnavailable("mapping: Foreman's host " + h.id() + " has no name");
        }
        if (os.family() == null || os.family().isBlank()) {
            throw new UpstreamUnavailable("mapping: operating system " + os.title() + " of host " + h.name()
                    + " has no family in Foreman (Redhat, Debian, …)");
        }
        try {
            OperatingSystem system = new OperatingSystem(os.name(), os.family(), os.major(), os.minor(),
                    h.architectureName(), os.releaseName());
            Map<String, String> params = params(h);
            return new Host(h.name(), h.build(), h.token(), interfaces(h), system,
                    medium == null || medium.path() == null ? "" : MediumPath.expand(medium.path(), system),
                    subnet == null ? Subnet.DHCP : subnet(subnet),
                    params, templates(h.name(), params),
                    Revision.of("foreman:", h.token(), String.valueOf(h.build()), h.updatedAt()),
                    baseUrl + "/api/v2/hosts/" + h.id(), String.valueOf(h.id()), Optional.empty(),
                    groups(h.hostgroupTitle()));
        } catch (IllegalArgumentException e) {
            // a value Foreman holds that bootproxy cannot use (a subnet boot mode, a MAC, …)
            throw new UpstreamUnavailable("mapping: host " + h.name() + " from Foreman: " + e.getMessage(), e);
        }
    }

    /** A hostgroup title "Base/Web" is the chain Base, Web: templates see {@code host.group} "Base/Web" as in Foreman. */
    private static List<String> groups(String hostgroupTitle) {
        if (hostgroupTitle == null || hostgroupTitle.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(hostgroupTitle.split("/")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<Nic> interfaces(ForemanJson.HostJson h) {
        List<Nic> nics = new ArrayList<>();
        for (ForemanJson.InterfaceJson i : h.interfaces()) {
            if ("bmc".equalsIgnoreCase(i.type())) {
                continue; // a BMC never PXE-boots the host
            }
            Optional<MacAddress> mac = MacAddress.tryParse(i.mac());
            if (mac.isPresent() && nics.stream().noneMatch(n -> n.mac().equals(mac.get()))) {
                nics.add(new Nic(mac.get(), i.ip(), i.identifier(), i.provision()));
            }
        }
        if (nics.isEmpty()) {
            MacAddress mac = MacAddress.tryParse(h.mac()).orElseThrow(() -> new IllegalArgumentException(
                    "it has no interface with a MAC address"));
            nics.add(new Nic(mac, h.ip(), "", true));
        }
        return nics;
    }

    private static Subnet subnet(ForemanJson.SubnetJson s) {
        List<String> dns = Stream.of(s.dnsPrimary(), s.dnsSecondary())
                .filter(d -> d != null && !d.isBlank()).toList();
        String mode = s.bootMode() == null ? "dhcp" : s.bootMode().toLowerCase(Locale.ROOT);
        return new Subnet(s.mask(), s.gateway(), dns, mode);
    }

    /** Inherited parameters (all_parameters) with the host's own on top. */
    private static Map<String, String> params(ForemanJson.HostJson h) {
        Map<String, String> out = new LinkedHashMap<>();
        h.allParameters().forEach(p -> out.put(p.name(), p.text()));
        h.parameters().forEach(p -> out.put(p.name(), p.text()));
        out.remove(null);
        return out;
    }

    private static Map<TemplateKind, String> templates(String host, Map<String, String> params) {
        Map<TemplateKind, String> out = new EnumMap<>(TemplateKind.class);
        for (var e : params.entrySet()) {
            if (e.getKey().startsWith(TEMPLATE_PARAM)) {
                String kind = e.getKey().substring(TEMPLATE_PARAM.length());
                TemplateKind k = TemplateKind.fromName(kind).orElseThrow(() -> new UpstreamUnavailable("mapping: host "
                        + host + " parameter " + e.getKey() + " names no template kind '" + kind + "'; allowed: "
                        + TemplateKind.allowedNames()));
                out.put(k, e.getValue().trim());
            }
        }
        return out;
    }
}
