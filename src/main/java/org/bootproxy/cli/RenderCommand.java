package org.bootproxy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootException;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.ProfileChoice;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.config.BootproxyConfig;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bootproxy render}: what a given MAC would get, without starting a server. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {
            "Print what the machine with this MAC would get for a kind (iPXE, PXELinux, provision, finish, "
                + "user_data, …), exactly as serve would answer it, or an error naming the template, line and missing "
                + "value. Without --mac: the answer for a machine nothing identifies (PXELinux: pxelinux.cfg/default, "
                + "PXEGrub2: grub2/grub.cfg, iPXE: the intermediate script). With --facts: what a machine in no "
                + "inventory that reports these facts gets after the intermediate script, and which profile it matched "
                + "and why. A summary line (host, template, why) goes to stderr, the rendered text to stdout.",
            "Exit code: 0 rendered, 1 not found or failed, 2 bad arguments or config."})
final class RenderCommand implements Callable<Integer> {

    /** The facts --facts takes, as the intermediate script reports them. */
    static final List<String> FACTS = List.of("serial", "manufacturer", "product", "uuid", "arch", "platform", "macs");

    @Mixin
    CommonOptions common;

    @Mixin
    SiteOptions site;

    @Option(names = "--mac", paramLabel = "MAC",
            description = "MAC of any of the host's NICs, in any spelling (aa:bb:…, AA-BB-…, aabb…)")
    String mac;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "Template kind: iPXE, PXELinux, PXEGrub2, provision, finish, user_data, meta_data, script, ignition")
    String kind;

    @Option(names = "--template", paramLabel = "NAME",
            description = "Render this template (e.g. provision/kickstart) instead of the one the host would get")
    String template;

    @Option(names = "--facts", paramLabel = "KEY=VALUE", arity = "1..*",
            description = "What an unknown machine reports: serial, manufacturer, product, uuid, arch, macs"
                    + " (comma separated; default: --mac). Shows the profile it gets and why, e.g."
                    + " --facts manufacturer=QEMU 'product=Standard PC' macs=52:54:00:12:34:56,52:54:00:12:34:57")
    Map<String, String> facts;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL written into chain URLs and kernel command lines (config key: template_url)")
    String publicUrl;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        Optional<MacAddress> m = Optional.empty();
        if (mac != null) {
            m = MacAddress.tryParse(mac);
            if (m.isEmpty()) {
                err.println("error: --mac '" + mac + "' is not a MAC address (expected e.g. 52:54:00:12:34:56)");
                return 2;
            }
        }
        TemplateKind k = TemplateKind.fromName(kind).orElse(null);
        if (k == null) {
            err.println("error: --kind '" + kind + "' is not a template kind; allowed: " + TemplateKind.allowedNames());
            return 2;
        }
        Optional<MachineFacts> reported;
        try {
            reported = facts == null ? Optional.empty() : Optional.of(machineFacts(facts, m));
        } catch (IllegalArgumentException e) {
            err.println("error: --facts: " + e.getMessage());
            return 2;
        }
        if (m.isEmpty() && reported.isEmpty() && (template != null || k != TemplateKind.IPXE && k != TemplateKind.PXELINUX
                && k != TemplateKind.PXEGRUB2)) {
            err.println("error: " + (template != null ? "--template renders for a host" : "--kind " + k
                    + " is answered per host") + ": give --mac");
            return 2;
        }
        BootproxyConfig config = common.resolve(site.over(new Overrides(null, null, null, null, null, null, null, publicUrl)));
        if (config.publicUrlDerived()) {
            err.println("warning: public URL " + config.publicUrl() + " " + config.publicUrlGuess()
                    + ": set template_url (--public-url) if machines reach bootproxy at another address");
        }
        Components c = Components.build(config, BootEvents.NONE);
        c.problems().forEach(p -> err.println("warning: " + p));
        try {
            Answer a = answer(c, k, m, reported, err);
            err.println("# " + k.foremanName() + " for " + m.map(MacAddress::colons).orElse("a machine nothing identifies")
                    + ": host=" + (a.hostName().isEmpty() ? "-" : a.hostName()) + " template=" + a.template()
                    + " (" + a.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
            System.out.print(a.body());
            System.out.flush();
            return 0;
        } catch (HostNotFound e) {
            err.println("error: " + e.getMessage() + ". Over HTTP this is a 404 (iPXE's intermediate script moves to"
                    + " the next NIC); over TFTP pxelinux gets 'file not found' and falls back to pxelinux.cfg/default."
                    + " Add --facts to see what the machine gets once it has tried every NIC.");
            return 1;
        } catch (BootException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private Answer answer(Components c, TemplateKind k, Optional<MacAddress> m, Optional<MachineFacts> reported,
                          PrintStream err) {
        Optional<String> named = Optional.ofNullable(template);
        if (reported.isPresent() && k == TemplateKind.IPXE && named.isEmpty()) {
            MachineFacts f = reported.get();
            for (MacAddress each : f.macs()) {
                if (c.inventory().findByMac(each).isPresent()) {
                    err.println("# " + each + " belongs to a host: profiles apply only to machines in no inventory");
                    return c.boot().template(BootRequest.forMac(each, ""), k, named);
                }
            }
            ProfileChoice choice = c.boot().profileFor(f);
            err.println("# profile: " + choice.why());
            return c.boot().unknownMachine(new BootRequest("", List.of(), "", false, f));
        }
        if (m.isEmpty()) {
            return k == TemplateKind.IPXE ? c.boot().intermediate(new BootRequest("", List.of(), "", true, MachineFacts.NONE))
                    : c.boot().bootloaderDefault(k, "");
        }
        return c.boot().template(BootRequest.forMac(m.get(), ""), k, named);
    }

    /** The --facts as the intermediate script would report them; the MACs default to --mac. */
    static MachineFacts machineFacts(Map<String, String> given, Optional<MacAddress> mac) {
        Map<String, String> f = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (!FACTS.contains(key)) {
                throw new IllegalArgumentException("unknown fact '" + key + "'; allowed: " + String.join(", ", FACTS));
            }
            f.put(key, value);
        });
        List<MacAddress> macs = new ArrayList<>();
        for (String each : f.getOrDefault("macs", "").split(",")) {
            if (!each.isBlank()) {
                macs.add(MacAddress.tryParse(each).orElseThrow(() -> new IllegalArgumentException("macs: '" + each
                        + "' is not a MAC address")));
            }
        }
        if (macs.isEmpty()) {
            mac.ifPresent(macs::add);
        }
        if (macs.isEmpty()) {
            throw new IllegalArgumentException("give the machine's MACs: --mac MAC, or macs=MAC,MAC in --facts");
        }
        return new MachineFacts(f.getOrDefault("serial", ""), f.getOrDefault("manufacturer", ""),
                f.getOrDefault("product", ""), f.getOrDefault("uuid", ""), f.getOrDefault("arch", ""),
                f.getOrDefault("platform", ""), macs, Optional.empty());
    }
}
