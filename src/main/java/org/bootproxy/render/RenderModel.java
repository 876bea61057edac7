package org.bootproxy.render;

import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Menu;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Profile;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.Subnet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data a template sees, built from a {@link RenderContext} out of plain strings, booleans, numbers,
 * lists and maps only (plus the URL helpers of {@link UrlHelpers}), so no template can reach a Java object.
 * Every name is documented, with an example, in {@code templates/README.md}; keep the two in step.
 */
final class RenderModel {

    private RenderModel() {
    }

    static Map<String, Object> of(RenderContext context) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("has_host", context.host().isPresent());
        context.host().ifPresent(h -> {
            Map<String, Object> host = host(h);
            model.put("host", host);
            for (String alias : List.of("interfaces", "os", "medium", "params")) {
                model.put(alias, host.get(alias));
            }
            model.put("hostgroup", host.get("group"));
        });
        model.put("menu", menu(context.menu()));
        context.profile().chosen().ifPresent(p -> model.put("profile", profile(p, context.profile().why())));
        model.put("request", request(context.request()));
        model.put("kind", context.kind().foremanName());
        model.put("bootproxy", bootproxy(context.settings()));
        UrlHelpers urls = new UrlHelpers(context.urls(), context.host().orElse(null));
        model.put("url", urls.url());
        model.put("userdata_url", urls.userdataUrl());
        model.put("pub_url", urls.pubUrl());
        return model;
    }

    static Map<String, Object> host(Host h) {
        Map<String, Object> m = new LinkedHashMap<>();
        String name = h.name();
        int dot = name.indexOf('.');
        m.put("name", name);
        m.put("shortname", dot < 0 ? name : name.substring(0, dot));
        m.put("domain", dot < 0 ? "" : name.substring(dot + 1));
        m.put("build", h.build());
        m.put("token", h.token());
        Nic provision = h.provisionInterface();
        m.put("ip", provision.ip());
        m.put("mac", provision.mac().colons());
        m.put("interfaces", h.interfaces().stream().map(n -> nic(n, n == provision)).toList());
        m.put("os", os(h.os()));
        m.put("medium", h.medium());
        m.put("subnet", subnet(h.subnet()));
        // sorted so a template that lists them (a comment block, a debug dump) renders the same every time
        m.put("params", new TreeMap<>(h.params()));
        m.put("revision", h.revision());
        m.put("group", h.group());
        m.put("groups", h.groups());
        return m;
    }

    /** The OS menu: its entries (group, title, item), timeout, default item and netboot.xyz URL ("" for none). */
    private static Map<String, Object> menu(Menu menu) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("entries", menu.entries().stream().map(e -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("group", e.group());
            entry.put("title", e.title());
            entry.put("item", Menu.item(e.group()));
            return entry;
        }).toList());
        m.put("timeout", menu.timeoutSeconds());
        m.put("default_item", menu.defaultItem());
        m.put("netbootxyz", menu.netbootxyz().map(Object::toString).orElse(""));
        return m;
    }

    /** The profile an unknown machine got: its name, params and why it was chosen. */
    private static Map<String, Object> profile(Profile p, String why) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("params", new TreeMap<>(p.params()));
        m.put("why", why);
        m.put("install", p.install());
        return m;
    }

    /** {@code provision} is true for exactly one NIC: the one marked provision, else the first. */
    private static Map<String, Object> nic(Nic n, boolean provision) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mac", n.mac().colons());
        m.put("mac_hyphens", n.mac().hyphens());
        m.put("ip", n.ip());
        m.put("identifier", n.identifier());
        m.put("provision", provision);
        return m;
    }

    private static Map<String, Object> os(OperatingSystem os) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", os.name());
        m.put("family", os.family());
        m.put("major", os.major());
        m.put("minor", os.minor());
        m.put("version", os.version());
        m.put("arch", os.arch());
        m.put("release_name", os.releaseName());
        return m;
    }

    private static Map<String, Object> subnet(Subnet s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mask", s.mask());
        m.put("prefix", prefixLength(s.mask()));
        m.put("gateway", s.gateway());
        m.put("dns", s.dns());
        m.put("boot_mode", s.bootMode());
        m.put("static", s.isStatic());
        return m;
    }

    /** "255.255.255.0" → "24"; "" when the mask is empty or not a netmask. */
    static String prefixLength(String mask) {
        String[] octets = mask.split("\\.", -1);
        if (octets.length != 4) {
            return "";
        }
        long bits = 0;
        for (String octet : octets) {
            if (!octet.matches("\\d{1,3}") || Integer.parseInt(octet) > 255) {
                return "";
            }
            bits = bits << 8 | Integer.parseInt(octet);
        }
        int ones = Long.bitCount(bits);
        long expected = ones == 0 ? 0 : (0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL;
        return bits == expected ? String.valueOf(ones) : "";
    }

    private static Map<String, Object> request(BootRequest r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("client_ip", r.clientIp());
        m.put("mac", r.firstMac());
        m.put("macs", colons(r.macs()));
        m.put("serial", r.facts().serial());
        m.put("manufacturer", r.facts().manufacturer());
        m.put("product", r.facts().product());
        m.put("uuid", r.facts().uuid());
        m.put("arch", r.facts().arch());
        m.put("platform", r.facts().platform());
        m.put("bootstrap", r.bootstrap());
        m.put("reported_macs", colons(r.facts().macs()));
        m.put("uuid", r.facts().uuid());
        m.put("arch", r.facts().arch());
        return m;
    }

    private static List<String> colons(List<MacAddress> macs) {
        return macs.stream().map(MacAddress::colons).toList();
    }

    private static Map<String, Object> bootproxy(BootSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("public_url", s.publicUrl().toString());
        m.put("intermediate_nics", s.intermediateNics());
        m.put("retry_seconds", s.retrySeconds());
        m.put("unknown_answer", s.unknownAnswer().name().toLowerCase(Locale.ROOT));
        m.put("grub", grub(s));
        return m;
    }

    /** GRUB's devices for bootproxy ({@code (tftp,192.0.2.1)}, {@code (http,192.0.2.1:8000)}) and the kernel transport. */
    private static Map<String, Object> grub(BootSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        int port = s.publicUrl().getPort();
        m.put("transport", s.grub().kernelTransport().id());
        m.put("tftp", "(tftp," + s.grubTftpServer() + ")");
        m.put("http", "(http," + s.publicUrl().getHost() + (port < 0 ? "" : ":" + port) + ")");
        m.put("entry_configs", s.grub().entryConfigs());
        return m;
    }
}
