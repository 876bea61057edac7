package org.bootproxy.boot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code bootproxy lint} counts as a mistake, found before a machine finds it. Every template is
 * rendered for every host, and the host-independent ones for an unknown MAC:
 * <ul>
 * <li>a template a host gets (any kind) that does not render for that host fails;</li>
 * <li>a template no host gets is only warned about when it renders for no host at all (a site with Red Hat
 *     hosts only has no host the shipped preseed can render for), and fails when it does not even parse;</li>
 * <li>a host whose iPXE or PXELinux template is missing fails, and so does one whose own override names a
 *     template that does not exist (other kinds are optional);</li>
 * <li>a host-independent template (intermediate, unknown-machine answer, localboot, defaults) that does not
 *     render for an unknown MAC fails;</li>
 * <li>every problem of the host, group and profile files fails;</li>
 * <li>two profiles that can match the same machine with as many selectors each fail (the machine would get
 *     neither), and so does a profile's template that does not render for a machine it matches;</li>
 * <li>the hosts the OS menu and the installing profiles make from groups are checked like any host.</li>
 * </ul>
 */
public final class Lint {

    /** A MAC no inventory should know, used to render what unknown machines get. */
    public static final MacAddress UNKNOWN = MacAddress.parse("02:00:00:00:00:00");

    /**
     * @param hosts     hosts checked (those of the inventory, and those made from groups for unknown machines)
     * @param templates templates checked
     * @param renders   renders tried
     * @param failures  one line each: who, and the error naming template, line and missing value
     * @param warnings  one line each: worth a look, but no machine is affected
     */
    public record Report(int hosts, int templates, int renders, List<String> failures, List<String> warnings) {
        public Report {
            failures = List.copyOf(failures);
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return failures.isEmpty();
        }

        /** {@code 3 hosts, 12 templates, 40 renders: all ok} (or how many failed). */
        public String summary() {
            return String.format("%d hosts, %d templates, %d renders: %s%s", hosts, templates, renders,
                    ok() ? "all ok" : failures.size() + " failure(s)",
                    warnings.isEmpty() ? "" : ", " + warnings.size() + " warning(s)");
        }
    }

    private final BootService boot;

    public Lint(BootService boot) {
        this.boot = boot;
    }

    /**
     * @param inventoryHosts every host the inventory lists
     * @param templates      every template in the templates folder
     * @param fileProblems   what was wrong reading the host, group and profile files, one line each
     */
    public Report check(List<Host> inventoryHosts, List<String> templates, List<String> fileProblems) {
        List<String> failures = new ArrayList<>(fileProblems);
        List<String> warnings = new ArrayList<>();
        failures.addAll(boot.site().profiles().ties());
        List<Host> hosts = new ArrayList<>(inventoryHosts);
        hosts.addAll(boot.discoveredSamples(UNKNOWN));
        List<String> independent = boot.hostIndependentTemplates();
        Set<String> used = new HashSet<>(independent);
        boot.site().profiles().all().forEach(p -> used.add(p.template()));
        for (Host host : hosts) {
            used.addAll(templatesOf(host, failures));
        }
        int renders = 0;
        Map<String, TemplateFailed> unusedFailures = new LinkedHashMap<>();
        Map<String, String> unusedFailedFor = new LinkedHashMap<>();
        Set<String> renderedSomewhere = new HashSet<>();
        for (Host host : hosts) {
            Set<String> own = templatesOf(host, new ArrayList<>());
            own.addAll(independent);
            BootRequest req = BootRequest.forMac(host.provisionInterface().mac(), host.provisionInterface().ip());
            for (String t : templates) {
                renders++;
                try {
                    boot.render(t, kindOf(t), Optional.of(host), req);
                    renderedSomewhere.add(t);
                } catch (BootException e) {
                    if (own.contains(t)) {
                        failures.add(host.name() + ": " + e.getMessage());
                    } else if (!used.contains(t) && e instanceof TemplateFailed tf) {
                        unusedFailures.putIfAbsent(t, tf);
                        unusedFailedFor.putIfAbsent(t, host.name());
                    }
                }
            }
        }
        unusedFailures.forEach((t, e) -> {
            if (e.isSyntaxError()) {
                failures.add(e.getMessage() + " (" + t + " cannot be parsed, so it renders for no machine)");
            } else if (!renderedSomewhere.contains(t)) {
                warnings.add(unusedFailedFor.get(t) + ": " + e.getMessage() + " (" + t + " is used by no host and renders"
                        + " for none of them: fine if it is meant for hosts you have not added yet)");
            }
        });
        BootRequest unknown = new BootRequest("192.0.2.254", List.of(UNKNOWN), "", false,
                new MachineFacts("SERIAL-LINT", "bootproxy", "lint", "", "x86_64", "pcbios", List.of(UNKNOWN),
                        Optional.of(UNKNOWN)));
        for (String t : independent) {
            renders++;
            try {
                boot.render(t, kindOf(t), Optional.empty(), unknown);
            } catch (BootException e) {
                failures.add("unknown machine " + UNKNOWN + ": " + e.getMessage());
            }
        }
        for (Profile p : boot.site().profiles().all()) {
            if (p.template().isEmpty() || !p.install().isEmpty()) {
                continue; // an installing profile's host is checked with the hosts above
            }
            renders++;
            try {
                boot.render(p.template(), TemplateKind.IPXE, Optional.empty(), unknown,
                        new ProfileChoice(Optional.of(p), List.of(p), p.name() + ": lint"));
            } catch (BootException e) {
                failures.add("profile " + p.name() + " (" + p.source() + "): " + e.getMessage());
            }
        }
        return new Report(hosts.size(), templates.size(), renders, failures, warnings);
    }

    /** The templates a host gets for any kind; a kind whose template is missing is a failure for iPXE/PXELinux. */
    private Set<String> templatesOf(Host host, List<String> failures) {
        Set<String> names = new HashSet<>();
        for (TemplateKind k : TemplateKind.values()) {
            try {
                names.add(boot.templateFor(host, k));
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
            case "ignition" -> TemplateKind.IGNITION;
            default -> template.contains("user-data") ? TemplateKind.USER_DATA
                    : template.contains("meta-data") ? TemplateKind.META_DATA : TemplateKind.PROVISION;
        };
    }
}
