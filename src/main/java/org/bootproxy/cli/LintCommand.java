package org.bootproxy.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
            "check each host's assigned templates exist, and report broken host files. A template fails lint when it",
            "does not render for a host that gets it; one no host gets fails only if it renders for no host at all",
            "(a Debian preseed may rightly refuse a Redhat host).",
            "Lists each failure with template, line and missing value; exit code 1 when anything failed, 0 when all is well.",
            "Run it in CI on the git repository that holds your hosts and templates."})
final class LintCommand implements Callable<Integer> {

    /** A MAC no inventory should know, used to render what unknown machines get. */
    static final MacAddress UNKNOWN = MacAddress.parse("02:00:00:00:00:00");

    @Mixin
    CommonOptions common;

    /** What lint found: every failure, and how much it rendered. */
    record Result(List<String> failures, int hosts, int templates, int renders) {
        String summary() {
            return String.format("%d hosts, %d templates, %d renders: %s", hosts, templates, renders,
                    failures.isEmpty() ? "all ok" : failures.size() + " failure(s)");
        }
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        Result r = lint(Components.build(common.resolve(Overrides.NONE), BootEvents.NONE));
        r.failures().forEach(f -> out.println("FAIL " + f));
        out.println("lint: " + r.summary());
        return r.failures().isEmpty() ? 0 : 1;
    }

    /** Renders everything for everyone (also used by doctor). */
    static Result lint(Components c) {
        List<String> failures = new ArrayList<>();
        c.problems().forEach(p -> failures.add("host file: " + p));

        List<Host> hosts = c.inventory().all();
        List<String> templates = c.renderer().names();
        int renders = 0;
        // a template no host gets (a preseed when all hosts are Redhat) is still rendered for every host, and
        // fails lint only when it renders for none of them: a Debian template may rightly refuse a Redhat host
        Map<String, String> unusedFailures = new LinkedHashMap<>();
        Set<String> renderedSomewhere = new HashSet<>();
        Set<String> used = new HashSet<>(c.boot().hostIndependentTemplates());
        for (Host host : hosts) {
            used.addAll(templatesOf(c, host, failures));
        }
        for (Host host : hosts) {
            Set<String> own = templatesOf(c, host, new ArrayList<>());
            own.addAll(c.boot().hostIndependentTemplates());
            BootRequest req = BootRequest.forMac(host.provisionInterface().mac(), host.provisionInterface().ip());
            for (String t : templates) {
                renders++;
                try {
                    c.boot().render(t, kindOf(t), Optional.of(host), req);
                    renderedSomewhere.add(t);
                } catch (BootException e) {
                    if (own.contains(t) || used.contains(t)) {
                        if (own.contains(t)) {
                            failures.add(host.name() + ": " + e.getMessage());
                        }
                    } else {
                        unusedFailures.putIfAbsent(t, host.name() + ": " + e.getMessage());
                    }
                }
            }
        }
        unusedFailures.forEach((t, f) -> {
            if (!renderedSomewhere.contains(t)) {
                failures.add(f + " (" + t + " is used by no host and renders for none)");
            }
        });
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
        return new Result(List.copyOf(failures), hosts.size(), templates.size(), renders);
    }

    /** The templates a host gets for any kind; a kind whose template is missing is a failure for IPXE/PXELinux. */
    private static Set<String> templatesOf(Components c, Host host, List<String> failures) {
        Set<String> names = new HashSet<>();
        for (TemplateKind k : TemplateKind.values()) {
            try {
                names.add(c.boot().templateFor(host, k));
            } catch (BootException e) {
                if (k == TemplateKind.IPXE || k == TemplateKind.PXELINUX || host.templates().containsKey(k)) {
                    failures.add(host.name() + ": " + e.getMessage());
                }
            }
        }
        return names;
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
