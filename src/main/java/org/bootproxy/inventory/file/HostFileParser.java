package org.bootproxy.inventory.file;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.Nic;
import org.bootproxy.boot.OperatingSystem;
import org.bootproxy.boot.Subnet;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.inventory.file.YamlNode.Mapping;
import org.bootproxy.inventory.file.YamlNode.Scalar;
import org.bootproxy.inventory.file.YamlNode.Sequence;
import org.bootproxy.support.Sha256;

/**
 * Turns the bytes of one host file into a {@link Host}, or into every problem found in it
 * (each naming the key, the line and what is allowed). The format is described in docs/host-files.md.
 */
final class HostFileParser {

    static final List<String> KEYS = List.of("name", "build", "token", "interfaces", "os", "medium", "subnet", "params",
            "templates", "group", "groups");
    /** What a group file may hold: any host key but those that must be one host's own, and its menu title. */
    static final List<String> GROUP_KEYS = List.of("build", "os", "medium", "subnet", "params", "templates", "group",
            "groups", "menu");
    static final List<String> INTERFACE_KEYS = List.of("mac", "ip", "identifier", "provision");
    static final List<String> OS_KEYS = List.of("name", "family", "major", "minor", "arch", "release_name");
    static final List<String> SUBNET_KEYS = List.of("mask", "gateway", "dns", "boot_mode");
    static final List<String> BOOT_MODES = List.of("dhcp", "static");
    private static final Set<String> MEDIUM_SCHEMES = Set.of("http", "https", "ftp", "nfs");

    private static final String LABEL = "[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?";
    private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern PREFIX_LENGTH = Pattern.compile("/?(\\d{1,2})");

    /** Reads a host file that uses no groups (a {@code group:} in it names a group that does not exist). */
    ParsedHost parse(Path file, byte[] bytes) throws HostFileInvalid {
        YamlNode root;
        try {
            root = new YamlReader().read(file, bytes, YamlFolder.HOSTS.emptyMeans(), YamlFolder.HOSTS.onePer());
        } catch (YamlReader.SyntaxError e) {
            throw new HostFileInvalid(List.of(new HostFileProblem(file, e.line(), e.getMessage())));
        }
        return host(file, root, Sha256.of(bytes).hex(), Groups.NONE);
    }

    /**
     * A host from its file's YAML merged with its groups: the groups' keys under the host's own, maps
     * ({@code os}, {@code subnet}, {@code params}, {@code templates}) merged key by key. A group that is missing or
     * broken stops there, listing it together with the problems of the host's own keys.
     *
     * @param fileSha the SHA-256 of the file: the host's revision, combined with its groups' when it has any
     * @throws HostFileInvalid listing every problem found
     */
    ParsedHost host(Path file, YamlNode root, String fileSha, Groups groups) throws HostFileInvalid {
        return host(file, root, fileSha, groups, new SharedValues());
    }

    /**
     * As {@link #host(Path, YamlNode, String, Groups)}, its operating system, medium, subnet, params, templates and
     * interface names taken from {@code shared} when an equal one was read before (one copy for many hosts).
     */
    ParsedHost host(Path file, YamlNode root, String fileSha, Groups groups, SharedValues shared)
            throws HostFileInvalid {
        if (!(root instanceof Mapping top)) {
            throw new HostFileInvalid(List.of(new HostFileProblem(file, root.line(),
                    "a host file is a map of keys (name:, interfaces:, os:, …), not " + root.kindName())));
        }
        GroupMerge.Result merged = GroupMerge.apply(file, top, groups);
        if (!merged.problems().isEmpty()) {
            List<HostFileProblem> all = new ArrayList<>(merged.problems());
            all.addAll(new Reading(file, Map.of(), true, shared).own(top, KEYS));
            throw new HostFileInvalid(all);
        }
        String revision = merged.used().isEmpty() ? fileSha
                : Sha256.of((fileSha + merged.used().stream().map(g -> ":" + g.sha()).reduce("", String::concat))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).hex();
        return new Reading(file, merged.refs(), false, shared).host(merged.tree(), revision,
                merged.used().stream().map(Groups.Group::name).toList());
    }

    /** What is wrong with a group file's own keys and values (its includes are checked by {@link Groups}). */
    List<HostFileProblem> checkGroup(Path file, YamlNode root) {
        if (!(root instanceof Mapping top)) {
            return List.of(new HostFileProblem(file, root.line(), "a group file is a map of host keys (os:, medium:,"
                    + " params:, …), not " + root.kindName()));
        }
        return new Reading(file, Map.of(), true, new SharedValues()).own(top, GROUP_KEYS);
    }

    /** The state of reading one file: the problems found so far and the lines of unique values. */
    private static final class Reading extends YamlFields {
        private final Path file;
        /** only what is written is checked: nothing is missing (a group file, or a host whose group is broken) */
        private final boolean partial;
        private final Map<MacAddress, Integer> macLines = new LinkedHashMap<>();
        private final Map<String, Integer> ipLines = new LinkedHashMap<>();
        private final SharedValues shared;

        Reading(Path file, Map<Path, GroupRef> groups, boolean partial, SharedValues shared) {
            super(file, groups);
            this.file = file;
            this.partial = partial;
            this.shared = shared;
        }

        ParsedHost host(Mapping top, String revision, List<String> groupNames) throws HostFileInvalid {
            allowOnly(top, "", KEYS);
            String name = name(top);
            boolean build = bool(top, "build", "build", false);
            String token = token(top);
            List<Nic> nics = interfaces(top);
            OperatingSystem os = os(top);
            String medium = medium(top);
            Subnet subnet = subnet(top, nics);
            Map<String, String> params = params(top);
            Map<TemplateKind, String> templates = templates(top);
            if (!problems().isEmpty()) {
                throw new HostFileInvalid(problems());
            }
            Host host = new Host(name, build, token, nics, shared.of(os), shared.of(medium), shared.of(subnet),
                    shared.of(Map.copyOf(params)), shared.of(Map.copyOf(templates)), revision, file.toString(), "",
                    Optional.empty(), shared.of(List.copyOf(groupNames)));
            return new ParsedHost(file, host, lineOf(top, "name"), lineOf(top, "token"), macLines, ipLines);
        }

        /** Checks the keys written, whatever is missing. */
        List<HostFileProblem> own(Mapping top, List<String> allowed) {
            allowOnly(top, "", allowed);
            name(top);
            bool(top, "build", "build", false);
            token(top);
            List<Nic> nics = interfaces(top);
            os(top);
            medium(top);
            subnet(top, nics);
            params(top);
            templates(top);
            text(top, "menu", "menu");
            return problems();
        }

        // ------------------------------------------------------------ the sections

        private String name(Mapping top) {
            String name = text(top, "name", "name");
            if (name.isEmpty() && partial) {
                return name;
            }
            if (name.isEmpty()) {
                problem(at(top, "name"), "name is missing: the host's fully qualified name, e.g. name: web01.example.com");
            } else if (!HOST_NAME.matcher(name).matches()) {
                problem(at(top, "name"), "name: '" + name + "' is not a host name (letters, digits, '-', '_' and dots,"
                        + " e.g. web01.example.com)");
            }
            return name;
        }

        private String token(Mapping top) {
            String token = text(top, "token", "token");
            if (!token.isEmpty() && !TOKEN.matcher(token).matches()) {
                problem(at(top, "token"), "token: only letters, digits and . _ ~ - are allowed (the token goes into URLs)");
            }
            return token;
        }

        private List<Nic> interfaces(Mapping top) {
            Optional<YamlNode> value = get(top, "interfaces");
            String example = "e.g. interfaces: [{mac: 52:54:00:12:34:56, ip: 192.0.2.10, provision: true}]";
            if (value.isEmpty() && partial) {
                return List.of();
            }
            if (value.isEmpty()) {
                problem(at(top, "interfaces"), "interfaces is missing: list the host's NICs, " + example);
                return List.of();
            }
            if (!(value.get() instanceof Sequence list) || list.items().isEmpty()) {
                problem(value.get(), "interfaces: expected a list of NICs (- mac: …), found "
                        + (value.get() instanceof Sequence ? "an empty list" : value.get().kindName()) + "; " + example);
                return List.of();
            }
            List<Nic> nics = new ArrayList<>();
            int provisionLine = 0;
            for (int i = 0; i < list.items().size(); i++) {
                String path = "interfaces[" + i + "]";
                YamlNode item = list.items().get(i);
                if (!(item instanceof Mapping nic)) {
                    problem(item, path + ": expected a map with " + String.join(", ", INTERFACE_KEYS)
                            + ", found " + item.kindName());
                    continue;
                }
                allowOnly(nic, path, INTERFACE_KEYS);
                Optional<MacAddress> mac = mac(nic, path);
                String ip = ipv4(nic, "ip", path + ".ip");
                String identifier = text(nic, "identifier", path + ".identifier");
                boolean provision = bool(nic, "provision", path + ".provision", false);
                if (provision && provisionLine > 0) {
                    problem(at(nic, "provision"), path + ".provision: only one interface may have provision: true"
                            + " (another one does on line " + provisionLine + ")");
                } else if (provision) {
                    provisionLine = lineOf(nic, "provision");
                }
                if (mac.isPresent()) {
                    nics.add(new Nic(mac.get(), ip, shared.of(identifier), provision));
                    macLines.putIfAbsent(mac.get(), lineOf(nic, "mac"));
                    if (!ip.isEmpty()) {
                        ipLines.putIfAbsent(ip, lineOf(nic, "ip"));
                    }
                }
            }
            return nics;
        }

        private Optional<MacAddress> mac(Mapping nic, String path) {
            String text = text(nic, "mac", path + ".mac");
            if (text.isEmpty()) {
                problem(at(nic, "mac"), path + ".mac is missing: every interface needs its MAC, e.g. mac: 52:54:00:12:34:56");
                return Optional.empty();
            }
            try {
                return Optional.of(MacAddress.parse(text));
            } catch (IllegalArgumentException e) {
                problem(at(nic, "mac"), path + ".mac: " + e.getMessage());
                return Optional.empty();
            }
        }

        private OperatingSystem os(Mapping top) {
            String example = "e.g. os: {name: AlmaLinux, family: Redhat, major: 9, minor: 4}";
            if (get(top, "os").isEmpty()) {
                if (partial) {
                    return null;
                }
                problem(at(top, "os"), "os is missing: at least os.family (Redhat, Debian, Ubuntu, …), " + example);
                return null;
            }
            Optional<Mapping> found = mapping(top, "os", "os");
            if (found.isEmpty()) {
                return null;
            }
            Mapping os = found.get();
            allowOnly(os, "os", OS_KEYS);
            String family = text(os, "family", "os.family");
            if (family.isEmpty() && !partial) {
                problem(at(os, "family"), "os.family is missing: it picks the default templates (Redhat, Debian,"
                        + " Ubuntu, …), " + example);
            }
            String major = text(os, "major", "os.major");
            if (major.contains(".")) {
                problem(at(os, "major"), "os.major: '" + major + "' is a whole version: put the part before the dot"
                        + " in major and the rest in minor");
            }
            String minor = text(os, "minor", "os.minor");
            String arch = text(os, "arch", "os.arch");
            String release = text(os, "release_name", "os.release_name");
            return family.isEmpty() ? null
                    : new OperatingSystem(text(os, "name", "os.name"), family, major, minor, arch, release);
        }

        private String medium(Mapping top) {
            String medium = text(top, "medium", "medium");
            if (medium.isEmpty()) {
                return "";
            }
            String why = "";
            try {
                URI uri = new URI(medium);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!MEDIUM_SCHEMES.contains(scheme) || uri.getHost() == null) {
                    why = "not an http://, https://, ftp:// or nfs:// URL with a server";
                }
            } catch (URISyntaxException e) {
                why = e.getReason();
            }
            if (!why.isEmpty()) {
                problem(at(top, "medium"), "medium: '" + medium + "' is " + (why.startsWith("not") ? "" : "not a URL: ")
                        + why + "; write the base URL of the install tree, e.g."
                        + " http://mirror.example.com/almalinux/9.4/BaseOS/x86_64/os");
            }
            return medium.replaceAll("/+$", "");
        }

        private Subnet subnet(Mapping top, List<Nic> nics) {
            Optional<Mapping> found = mapping(top, "subnet", "subnet");
            if (found.isEmpty()) {
                return Subnet.DHCP;
            }
            Mapping subnet = found.get();
            allowOnly(subnet, "subnet", SUBNET_KEYS);
            String mask = mask(subnet);
            String gateway = ipv4(subnet, "gateway", "subnet.gateway");
            List<String> dns = dns(subnet);
            String mode = text(subnet, "boot_mode", "subnet.boot_mode").toLowerCase(Locale.ROOT);
            if (mode.isEmpty()) {
                mode = "dhcp";
            } else if (!BOOT_MODES.contains(mode)) {
                problem(at(subnet, "boot_mode"), "subnet.boot_mode: '" + mode + "' is not allowed (allowed: "
                        + String.join(", ", BOOT_MODES) + ")");
                mode = "dhcp";
            }
            if (mode.equals("static") && !partial) {
                Optional<Nic> provisioning = nics.stream().filter(Nic::provision).findFirst()
                        .or(() -> nics.stream().findFirst());
                if (provisioning.isPresent() && provisioning.get().ip().isEmpty()) {
                    problem(at(subnet, "boot_mode"), "subnet.boot_mode is static but the provisioning interface ("
                            + provisioning.get().mac() + ") has no ip");
                }
                if (mask.isEmpty()) {
                    problem(at(subnet, "boot_mode"), "subnet.boot_mode is static but subnet.mask is missing");
                }
            }
            return new Subnet(mask, gateway, dns, mode);
        }

        /** A dotted mask, or a prefix length (24 or /24) turned into one. */
        private String mask(Mapping subnet) {
            String mask = text(subnet, "mask", "subnet.mask");
            var prefix = PREFIX_LENGTH.matcher(mask);
            if (prefix.matches() && Integer.parseInt(prefix.group(1)) <= 32) {
                long bits = 0xFFFFFFFFL << (32 - Integer.parseInt(prefix.group(1))) & 0xFFFFFFFFL;
                return (bits >> 24) + "." + (bits >> 16 & 255) + "." + (bits >> 8 & 255) + "." + (bits & 255);
            }
            if (!mask.isEmpty() && !YamlFields.IPV4.matcher(mask).matches()) {
                problem(at(subnet, "mask"), "subnet.mask: '" + mask + "' is not a netmask (e.g. 255.255.255.0 or 24)");
            }
            return mask;
        }

        private List<String> dns(Mapping subnet) {
            Optional<YamlNode> value = get(subnet, "dns");
            if (value.isEmpty()) {
                return List.of();
            }
            List<YamlNode> items = value.get() instanceof Sequence s ? s.items() : List.of(value.get());
            List<String> servers = new ArrayList<>();
            for (YamlNode item : items) {
                String server = scalarText(item, "subnet.dns");
                if (YamlFields.IPV4.matcher(server).matches() || IPV6.matcher(server).matches()) {
                    servers.add(server);
                } else if (item instanceof Scalar) {
                    problem(item, "subnet.dns: '" + server + "' is not an IP address (a list such as [192.0.2.53, 192.0.2.54])");
                }
            }
            return servers;
        }

        private Map<String, String> params(Mapping top) {
            Map<String, String> params = new LinkedHashMap<>();
            mapping(top, "params", "params").ifPresent(m -> m.entries().values().forEach(
                    e -> params.put(e.key(), scalarText(e.value(), "params." + e.key()))));
            return params;
        }

        private Map<TemplateKind, String> templates(Mapping top) {
            Map<TemplateKind, String> templates = new EnumMap<>(TemplateKind.class);
            mapping(top, "templates", "templates").ifPresent(m -> m.entries().values().forEach(e -> {
                Optional<TemplateKind> kind = TemplateKind.fromName(e.key());
                String template = scalarText(e.value(), "templates." + e.key());
                if (kind.isEmpty()) {
                    problem(e, "templates: unknown kind '" + e.key() + "' (allowed: " + TemplateKind.allowedNames() + ")");
                } else if (template.isEmpty()) {
                    problem(e, "templates." + e.key() + ": give a template name, e.g. ipxe/kickstart");
                } else if (templates.put(kind.get(), template) != null) {
                    problem(e, "templates." + e.key() + ": kind " + kind.get() + " is set twice");
                }
            }));
            return templates;
        }
    }
}
