package org.bootproxy.cli;

import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bootproxy.boot.Answer;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootException;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.HostNotFound;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code bootproxy render}: what a given MAC would get, without starting a server. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {
            "Print what the machine with this MAC would get for a kind (iPXE, PXELinux, provision, finish, user_data, …),",
            "exactly as serve would answer it, or an error naming the template, line and missing value.",
            "A summary line (host, template, why) goes to stderr, the rendered text to stdout.",
            "Exit code: 0 rendered, 1 not found or failed, 2 bad arguments or config."})
final class RenderCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--mac", required = true, paramLabel = "MAC",
            description = "MAC of any of the host's NICs, in any spelling (aa:bb:…, AA-BB-…, aabb…)")
    String mac;

    @Option(names = "--kind", required = true, paramLabel = "KIND",
            description = "Template kind: iPXE, PXELinux, PXEGrub2, provision, finish, user_data, meta_data, script")
    String kind;

    @Option(names = "--template", paramLabel = "NAME",
            description = "Render this template (e.g. provision/kickstart) instead of the one the host would get")
    String template;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "Base URL written into chain URLs and kernel command lines (config key: template_url)")
    String publicUrl;

    @Override
    public Integer call() {
        PrintStream err = System.err;
        MacAddress m = MacAddress.tryParse(mac).orElse(null);
        if (m == null) {
            err.println("error: --mac '" + mac + "' is not a MAC address (expected e.g. 52:54:00:12:34:56)");
            return 2;
        }
        TemplateKind k = TemplateKind.fromName(kind).orElse(null);
        if (k == null) {
            err.println("error: --kind '" + kind + "' is not a template kind; allowed: " + TemplateKind.allowedNames());
            return 2;
        }
        Components c = Components.build(common.resolve(
                new Overrides(null, null, null, null, null, null, null, publicUrl)), BootEvents.NONE);
        c.problems().forEach(p -> err.println("warning: " + p));
        BootRequest request = BootRequest.forMac(m, "");
        try {
            Answer a = c.boot().template(request, k, Optional.ofNullable(template));
            err.println("# " + k.foremanName() + " for " + m + ": host=" + (a.hostName().isEmpty() ? "-" : a.hostName())
                    + " template=" + a.template() + " (" + a.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ")");
            System.out.print(a.body());
            System.out.flush();
            return 0;
        } catch (HostNotFound e) {
            err.println("error: " + e.getMessage() + ". Over HTTP this is a 404 (iPXE's intermediate script moves to"
                    + " the next NIC); over TFTP pxelinux gets 'file not found' and falls back to pxelinux.cfg/default.");
            return 1;
        } catch (BootException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }
}
