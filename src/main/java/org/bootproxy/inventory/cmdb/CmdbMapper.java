package org.bootproxy.inventory.cmdb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
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
 * Applies {@code inventory.cmdb.mapping} to the gathered responses. A mapped pointer that finds nothing is an
 * error naming the field and the pointer, unless the field has a {@code default}. The revision hashes every
 * mapped value, so it changes whenever the CMDB's answer for the host changes, whichever NIC asked.
 */
final class CmdbMapper {

    private final Map<String, CmdbSettings.Field> mapping;

    /** @param mapping checked by {@link CmdbSettings} */
    CmdbMapper(Map<String, CmdbSettings.Field> mapping) {
        this.mapping = mapping;
    }

    Host host(JsonNode doc, MacAddress asked, String source) {
        List<String> seen = new ArrayList<>();
        String name = text("name", doc, seen).orElse("");
        String osName = text("os.name", doc, seen).orElse("");
        String family = text("os.family", doc, seen).filter(f -> !f.isBlank())
                .orElseThrow(() -> fieldError("os.family", "has no value (Redhat, Debian, …)"));
        OperatingSystem os = new OperatingSystem(osName, family, text("os.major", doc, seen).orElse(""),
                text("os.minor", doc, seen).orElse(""), text("os.arch", doc, seen).orElse(""),
                text("os.release_name", doc, seen).orElse(""));
        try {
            Subnet subnet = new Subnet(text("subnet.mask", doc, seen).orElse(""), text("subnet.gateway", doc, seen).orElse(""),
                    list("subnet.dns", doc, seen), text("subnet.boot_mode", doc, seen).orElse("dhcp"));
            List<Nic> nics = interfaces(doc, asked, text("ip", doc, seen).orElse(""), seen);
            Map<String, String> params = object("params", doc, seen);
            Map<TemplateKind, String> templates = templates(object("templates", doc, seen));
            boolean build = bool("build", doc, seen).orElse(false);
            String token = text("token", doc, seen).orElse("");
            String medium = MediumPath.expand(text("medium", doc, seen).orElse(""), os);
            text("revision", doc, seen);
            return new Host(name, build, token, nics, os, medium, subnet, params, templates,
                    Revision.of("cmdb:", seen.toArray(new String[0])), source);
        } catch (IllegalArgumentException e) {
            throw new UpstreamUnavailable("mapping: host " + name + ": " + e.getMessage(), e);
        }
    }

    private List<Nic> interfaces(JsonNode doc, MacAddress asked, String hostIp, List<String> seen) {
        List<Nic> nics = new ArrayList<>();
        Optional<JsonNode> list = node("interfaces", doc);
        if (list.isPresent()) {
            if (!list.get().isArray()) {
                throw fieldError("interfaces", "is not a list");
            }
            for (JsonNode element : list.get()) {
                Optional<MacAddress> mac = optionalText("interface.mac", element).flatMap(MacAddress::tryParse);
                if (mac.isEmpty() || nics.stream().anyMatch(n -> n.mac().equals(mac.get()))) {
                    continue; // virtual interfaces without a MAC cannot boot
                }
                String ip = text("interface.ip", element, seen).orElse("");
                String id = text("interface.identifier", element, seen).orElse("");
                boolean provision = bool("interface.provision", element, seen).orElse(false);
                seen.add("interface.mac=" + mac.get());
                nics.add(new Nic(mac.get(), ip, id, provision));
            }
        }
        if (nics.isEmpty()) {
            return List.of(new Nic(asked, hostIp, "", true));
        }
        int p = 0;
        for (int i = 0; i < nics.size(); i++) {
            if (nics.get(i).provision()) {
                p = i;
                break;
            }
        }
        Nic prov = nics.get(p);
        if (prov.ip().isEmpty() && !hostIp.isEmpty()) {
            nics.set(p, new Nic(prov.mac(), hostIp, prov.identifier(), prov.provision()));
        }
        if (nics.stream().noneMatch(n -> n.mac().equals(asked))) {
            nics.add(new Nic(asked, "", "", false)); // the CMDB matched this MAC, so the host has it
        }
        return nics;
    }

    // ------------------------------------------------------------------ field readers

    /** The node a field maps to; empty when the field is not mapped. */
    private Optional<JsonNode> node(String field, JsonNode base) {
        CmdbSettings.Field f = mapping.get(field);
        if (f == null) {
            return Optional.empty();
        }
        if (f.isConstant()) {
            return Optional.of(TextNode.valueOf(f.value()));
        }
        JsonNode n = base.at(f.pointer());
        if (n.isMissingNode() || n.isNull()) {
            if (f.fallback() != null) {
                return Optional.of(TextNode.valueOf(f.fallback()));
            }
            throw fieldError(field, "JSON pointer " + f.pointer() + " not found in the response");
        }
        return Optional.of(n);
    }

    private Optional<String> text(String field, JsonNode base, List<String> seen) {
        Optional<String> v = optionalText(field, base);
        v.ifPresent(s -> seen.add(field + "=" + s));
        return v;
    }

    private Optional<String> optionalText(String field, JsonNode base) {
        CmdbSettings.Field f = mapping.get(field);
        Optional<JsonNode> n;
        if (field.equals("interface.mac") && f != null && !f.isConstant()) {
            JsonNode raw = base.at(f.pointer());
            n = raw.isMissingNode() || raw.isNull() ? Optional.empty() : Optional.of(raw);
        } else {
            n = node(field, base);
        }
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (!n.get().isValueNode()) {
            throw fieldError(field, pointerOf(field) + " is " + (n.get().isArray() ? "a list" : "an object") + ", not a value");
        }
        String s = n.get().asText().trim();
        if (f != null && f.match() != null) {
            Matcher m = f.match().matcher(s);
            if (!m.find()) {
                throw fieldError(field, "'" + s + "' does not match " + f.match().pattern());
            }
            s = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
        }
        return Optional.of(s);
    }

    private Optional<Boolean> bool(String field, JsonNode base, List<String> seen) {
        Optional<JsonNode> n = node(field, base);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        JsonNode v = n.get();
        Boolean b = null;
        if (v.isBoolean()) {
            b = v.booleanValue();
        } else if (v.isNumber()) {
            b = v.asInt() != 0;
        } else if (v.isTextual()) {
            b = switch (v.asText().trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1" -> true;
                case "false", "no", "off", "0", "" -> false;
                default -> null;
            };
        }
        if (b == null) {
            throw fieldError(field, pointerOf(field) + " holds " + v + ", not true or false");
        }
        seen.add(field + "=" + b);
        return Optional.of(b);
    }

    private List<String> list(String field, JsonNode doc, List<String> seen) {
        Optional<JsonNode> n = node(field, doc);
        if (n.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (n.get().isArray()) {
            n.get().forEach(e -> out.add(e.asText().trim()));
        } else if (n.get().isValueNode()) {
            out.addAll(Arrays.asList(n.get().asText().trim().split("[,\\s]+")));
        } else {
            throw fieldError(field, pointerOf(field) + " is an object, not a list");
        }
        out.removeIf(String::isEmpty);
        seen.add(field + "=" + out);
        return out;
    }

    private Map<String, String> object(String field, JsonNode doc, List<String> seen) {
        Optional<JsonNode> n = node(field, doc);
        if (n.isEmpty()) {
            return Map.of();
        }
        if (n.get().isTextual() && n.get().asText().isEmpty()) {
            return Map.of(); // default: ""
        }
        if (!n.get().isObject()) {
            throw fieldError(field, pointerOf(field) + " is not an object of names and values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        n.get().fields().forEachRemaining(e -> out.put(e.getKey(),
                e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        seen.add(field + "=" + new java.util.TreeMap<>(out));
        return out;
    }

    private static Map<TemplateKind, String> templates(Map<String, String> byName) {
        Map<TemplateKind, String> out = new EnumMap<>(TemplateKind.class);
        byName.forEach((kind, template) -> out.put(TemplateKind.fromName(kind).orElseThrow(() -> fieldError("templates",
                "'" + kind + "' is not a template kind; allowed: " + TemplateKind.allowedNames())), template));
        return out;
    }

    private String pointerOf(String field) {
        CmdbSettings.Field f = mapping.get(field);
        return f == null || f.isConstant() ? "the constant" : "JSON pointer " + f.pointer();
    }

    private static UpstreamUnavailable fieldError(String field, String what) {
        return new UpstreamUnavailable("mapping: field " + field + ": " + what);
    }
}
