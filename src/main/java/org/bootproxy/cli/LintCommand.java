package org.bootproxy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.bootproxy.boot.BootEvents;
import org.bootproxy.boot.BootException;
import org.bootproxy.boot.BootRequest;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.MacAddress;
import org.bootproxy.boot.MachineFacts;
import org.bootproxy.boot.TemplateKind;
import org.bootproxy.config.Overrides;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bootproxy lint}: render everything for everyone before a machine finds the mistake. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = {
            "Render every template for every host, and the templates any unknown machine can get for an unknown MAC,",
            "check each host's assigned templates exist, and report broken host files.",
            "Lists each failure with template, line and missing value; exit code 1 when anything failed, 0 when all is well.",
            "Run it in CI on the git repository that holds your hosts and templates."})
final class LintCommand implements Callable<Integer> {

    /** A MAC no inventory should know, used to render what unknown machines get. */
    static final MacAddress UNKNOWN = MacAddress.parse("02:00:00:00:00:00");

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Components c = Components.build(common.resolve(Overrides.NONE), BootEvents.NONE);
        List<String> failures = new ArrayList<>();
        c.problems().forEach(p -> failures.add("host file: " + p));

        List<Host> hosts = c.inventory().all();
        List<String> templates = c.renderer().names();
        int renders = 0;
        for (Host host : hosts) {
            BootRequest req = BootRequest.forMac(host.provisionInterface().mac(), host.provisionInterface().ip());
            for (String t : templates) {
                renders++;
                try {
                    c.boot().render(t, kindOf(t), Optional.of(host), req);
                } catch (BootException e) {
                    failures.add(host.name() + ": " + e.getMessage());
                }
            }
            for (TemplateKind k : List.of(TemplateKind.IPXE, TemplateKind.PXELINUX, TemplateKind.PROVISION)) {
                try {
                    c.boot().templateFor(host, k);
                } catch (BootException e) {
                    failures.add(host.name() + ": " + e.getMessage());
                }
            }
        }
        BootRequest unknown = new BootRequest("192.0.2.254", List.of(UNKNOWN), "", false,
                new MachineFacts("SERIAL-LINT", "bootproxy", "lint", List.of(UNKNOWN)));
        for (String t : c.boot().hostIndependentTemplates()) {
            renders++;
            try {
                c.boot().render(t, kindOf(t), Optional.empty(), unknown);
            } catch (BootException e) {
                failures.add("unknown machine " + UNKNOWN + ": " + e.getMessage());
            }
        }
        failures.forEach(f -> out.println("FAIL " + f));
        out.printf("lint: %d hosts, %d templates, %d renders: %s%n", hosts.size(), templates.size(), renders,
                failures.isEmpty() ? "all ok" : failures.size() + " failure(s)");
        return failures.isEmpty() ? 0 : 1;
    }

    /** The kind a template is rendered as, from its folder: ipxe/… is iPXE, pxelinux/… PXELinux, and so on. */
    static TemplateKind kindOf(String template) {
        String folder = template.contains("/") ? template.substring(0, template.indexOf('/')) : template;
        return switch (folder) {
            case "ipxe" -> TemplateKind.IPXE;
            case "pxelinux" -> TemplateKind.PXELINUX;
            case "grub2" -> TemplateKind.PXEGRUB2;
            case "finish" -> TemplateKind.FINISH;
            default -> template.contains("user-data") ? TemplateKind.USER_DATA
                    : template.contains("meta-data") ? TemplateKind.META_DATA : TemplateKind.PROVISION;
        };
    }
}
