package org.bootproxy.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.bootproxy.boot.BootSettings;
import org.bootproxy.boot.MenuSettings;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.boot.UnknownMachineAnswer;

/**
 * The validated, resolved configuration: defaults, then the config file, then flags.
 *
 * @param groups           the host groups folder (default: {@code groups} beside the hosts folder)
 * @param profiles         the profiles folder for unknown machines (default: {@code profiles} beside the hosts folder)
 * @param publicUrlDerived true when no template_url/--public-url was given and it was guessed
 * @param publicUrlGuess   how it was guessed (which interface, and the others), for the warning; "" when given
 * @param smartProxy       the Foreman smart-proxy API: tftp_servername, foreman_url, trusted_hosts, HTTPS
 * @param render           limits of one template render
 * @param discovery        the machines recorded as they boot, and where they are announced
 * @param timeline         bounds of the per-MAC boot timelines
 */
public record BootproxyConfig(
        HostPort httpAddress,
        HostPort tftpAddress,
        Path tftpRoot,
        Path templates,
        Path hosts,
        Path groups,
        Path profiles,
        Optional<Path> assets,
        Path stateDir,
        URI publicUrl,
        boolean publicUrlDerived,
        String publicUrlGuess,
        List<String> trustedProxies,
        BootSettings boot,
        TftpConfig tftp,
        InventoryConfig inventory,
        SmartProxyConfig smartProxy,
        RenderConfig render,
        DiscoveryConfig discovery,
        TimelineConfig timeline) {

    public static final String DEFAULT_HTTP = "0.0.0.0:8000";
    public static final String DEFAULT_TFTP = "0.0.0.0:69";

    /**
     * Merges flags over the file over the defaults. {@code baseDir} anchors the relative paths written in the file
     * and the default paths ({@code ./hosts}, {@code ./state}, …): the config file's folder, or without a config
     * the working directory. Flags are relative to the working directory, as for any command. Every path in the
     * result is absolute, so nothing depends on the working directory later.
     */
    public static BootproxyConfig resolve(ConfigFile file, Path baseDir, Overrides flags) {
        baseDir = baseDir.toAbsolutePath().normalize();
        HostPort http = HostPort.parse(flags.httpAddress() != null ? "--http-address" : "http_address",
                first(flags.httpAddress(), file.httpAddress(), DEFAULT_HTTP));
        HostPort tftp = HostPort.parse(flags.tftpAddress() != null ? "--tftp-address" : "tftp_address",
                first(flags.tftpAddress(), file.tftpAddress(), DEFAULT_TFTP));
        Path tftpRoot = path(flags.tftpRoot(), file.tftproot(), baseDir, "./tftpboot");
        Path templates = path(flags.templates(), file.templates(), baseDir, "./templates");
        Path hosts = path(flags.hosts(), file.hosts(), baseDir, "./hosts");
        Path groups = Optional.ofNullable(path(flags.groups(), file.groups(), baseDir, null))
                .orElseGet(() -> hosts.resolveSibling("groups").normalize());
        Path profiles = Optional.ofNullable(path(flags.profiles(), file.profiles(), baseDir, null))
                .orElseGet(() -> hosts.resolveSibling("profiles").normalize());
        Optional<Path> assets = Optional.ofNullable(flags.assets() != null || file.assets() != null
                ? path(flags.assets(), file.assets(), baseDir, null) : null);
        Path stateDir = path(flags.stateDir(), file.stateDir(), baseDir, "./state");

        String urlText = first(flags.publicUrl(), file.templateUrl(), null);
        boolean derived = urlText == null;
        PublicUrlGuess guess = derived ? PublicUrlGuess.of(http, PublicUrlGuess.thisMachine()) : null;
        URI publicUrl = derived ? guess.url()
                : parseUrl(flags.publicUrl() != null ? "--public-url" : "template_url", urlText);

        List<String> proxies = file.trustedProxies() != null ? file.trustedProxies() : List.of("127.0.0.0/8", "::1/128");

        IpxeConfig ipxe = file.ipxe();
        UnknownMachineAnswer unknown;
        try {
            unknown = ipxe.unknownMachine() == null ? UnknownMachineAnswer.MESSAGE : UnknownMachineAnswer.parse(ipxe.unknownMachine());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("ipxe.unknown_machine: '" + ipxe.unknownMachine()
                    + "' is not allowed; use message (show what the machine reported, then boot locally), menu or localboot");
        }
        IpxeConfig.Menu m = ipxe.menu();
        MenuSettings menu = new MenuSettings((int) m.timeout().toSeconds(), m.defaultEntry(),
                m.netbootxyz().isEmpty() ? Optional.empty() : Optional.of(URI.create(m.netbootxyz())));
        BootSettings boot = new BootSettings(publicUrl, ipxe.intermediateNics(), unknown, templateDefaults(file.templateDefaults()),
                ipxe.retrySeconds(), file.grub2().grub(), menu);

        InventoryConfig inv = file.inventory();
        String type = inv.type() == null ? "files" : inv.type().trim().toLowerCase(Locale.ROOT);
        if (!List.of("files", "foreman", "cmdb").contains(type)) {
            throw new ConfigException("inventory.type: '" + inv.type() + "' is not allowed; use files (default), foreman or cmdb");
        }
        return new BootproxyConfig(http, tftp, tftpRoot, templates, hosts, groups, profiles, assets, stateDir, publicUrl,
                derived, derived ? guess.description() : "",
                List.copyOf(proxies), boot, file.tftp(), inv.withType(type), SmartProxyConfig.resolve(file, baseDir),
                file.render(), file.discovery(), file.timeline());
    }

    /**
     * What DHCP should give PXE clients as next-server: the TFTP address, or for a wildcard one ({@code 0.0.0.0})
     * the public URL's host, the address machines reach this server at.
     */
    public String nextServer() {
        return tftpAddress.isWildcard() ? publicUrl.getHost() : tftpAddress.host();
    }

    /** Built-in defaults per OS family, overridden kind by kind by {@code template_defaults}. */
    public static Map<String, Map<TemplateKind, String>> builtInDefaults() {
        Map<String, Map<TemplateKind, String>> d = new LinkedHashMap<>();
        // the iPXE script and the GRUB2 config of a family boot the same installer (snippets/installer.ftl)
        d.put("Redhat", kinds(TemplateKind.IPXE, "ipxe/kickstart", TemplateKind.PXEGRUB2, "grub2/kickstart",
                TemplateKind.PROVISION, "provision/kickstart"));
        d.put("Debian", kinds(TemplateKind.IPXE, "ipxe/preseed", TemplateKind.PXEGRUB2, "grub2/preseed",
                TemplateKind.PROVISION, "provision/preseed", TemplateKind.FINISH, "finish/preseed"));
        // meta-data has no default template: it is built by code for every host, as Foreman's UserdataController does
        d.put("Ubuntu", kinds(TemplateKind.IPXE, "ipxe/autoinstall", TemplateKind.PXEGRUB2, "grub2/autoinstall",
                TemplateKind.USER_DATA, "provision/autoinstall-user-data", TemplateKind.PROVISION,
                "provision/autoinstall-user-data"));
        // Fedora CoreOS (Foreman's family Fcos): its provision file is the Ignition config, as in Foreman; UEFI
        // machines go through iPXE (GRUB starts it), whose script boots the live image
        d.put("Fcos", kinds(TemplateKind.IPXE, "ipxe/coreos", TemplateKind.PXEGRUB2, "grub2/chain-ipxe",
                TemplateKind.PROVISION, "ignition/coreos", TemplateKind.IGNITION, "ignition/coreos"));
        return d;
    }

    private static Map<TemplateKind, String> kinds(Object... pairs) {
        Map<TemplateKind, String> m = new EnumMap<>(TemplateKind.class);
        m.put(TemplateKind.PXELINUX, "pxelinux/chain-ipxe");
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((TemplateKind) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    private static Map<String, Map<TemplateKind, String>> templateDefaults(Map<String, Map<String, String>> fromFile) {
        Map<String, Map<TemplateKind, String>> all = builtInDefaults();
        if (fromFile == null) {
            return all;
        }
        fromFile.forEach((family, byKind) -> {
            String key = all.keySet().stream().filter(f -> f.equalsIgnoreCase(family)).findFirst().orElse(family);
            Map<TemplateKind, String> target = new EnumMap<>(TemplateKind.class);
            target.putAll(all.getOrDefault(key, Map.of()));
            (byKind == null ? Map.<String, String>of() : byKind).forEach((kindName, template) -> {
                TemplateKind kind = TemplateKind.fromName(kindName).orElseThrow(() -> new ConfigException(
                        "template_defaults." + family + "." + kindName + ": unknown template kind; allowed: "
                                + TemplateKind.allowedNames()));
                if (template == null || template.isBlank()) {
                    throw new ConfigException("template_defaults." + family + "." + kindName
                            + ": empty template name; write a name such as ipxe/kickstart");
                }
                target.put(kind, template.trim());
            });
            all.put(key, Collections.unmodifiableMap(target));
        });
        return all;
    }

    private static String first(String flag, String file, String dflt) {
        if (flag != null && !flag.isBlank()) {
            return flag;
        }
        if (file != null && !file.isBlank()) {
            return file;
        }
        return dflt;
    }

    private static Path path(String flag, String file, Path baseDir, String dflt) {
        if (flag != null && !flag.isBlank()) {
            return Path.of(flag).toAbsolutePath().normalize();
        }
        if (file != null && !file.isBlank()) {
            return baseDir.resolve(file).normalize();
        }
        return dflt == null ? null : baseDir.resolve(dflt).normalize();
    }

    private static URI parseUrl(String key, String text) {
        try {
            URI u = new URI(text.trim());
            if (!"http".equalsIgnoreCase(u.getScheme()) && !"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new ConfigException(key + ": '" + text + "' must be an http:// URL that machines on the provisioning"
                        + " network can reach, e.g. http://192.0.2.1:8000 (iPXE in most builds cannot do https)");
            }
            return u;
        } catch (URISyntaxException e) {
            throw new ConfigException(key + ": '" + text + "' is not a URL: " + e.getReason());
        }
    }

}
