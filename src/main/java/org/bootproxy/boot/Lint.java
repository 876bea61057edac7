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
 * <li>a template no host gets fails only when it renders for no host at all (a Debian preseed may rightly
 *     refuse a Redhat host);</li>
 * <li>a host whose iPXE or PXELinux template is missing fails, and so does one whose own override names a
 *     template that does not exist (other kinds are optional);</li>
 * <li>a host-independent template (intermediate, unknown-machine answer, localboot, defaults) that does not
 *     render for an unknown MAC fails;</li>
 * <li>every host file problem fails.</li>
 * </ul>
 */
public final class Lint {

    /** A MAC no inventory should know, used to render what unknown machines get. */
    public static final MacAddress UNKNOWN = MacAddress.parse("02:00:00:00:00:00");

    /**
     * @param hosts     hosts checked
     * @param templates templates checked
     * @param renders   renders tried
     * @param failures  one line each: who, and the error naming template, line and missing value
     */
    public record Report(int hosts, int templates, int renders, List<String> failures) {
        public Report {
            failures = List.copyOf(failures);
        }

        public boolean ok() {
            return failures.isEmpty();
        }

        /** {@code 3 hosts, 12 templates, 40 renders: all ok} (or how many failed). */
        public String summary() {
            return String.format("%d hosts, %d templates, %d renders: %s", hosts, templates, renders,
                    ok() ? "all ok" : failures.size() + " failure(s)");
        }
    }

    private final BootService boot;

    public Lint(BootService boot) {
        this.boot = boot;
    }

    /**
     * @param hosts             every host the inventory lists
     * @param templates         every template in the templates folder
     * @param hostFileProblems  what was wrong reading the host files, one line each
     */
    public Report check(List<Host> hosts, List<String> templates, List<String> hostFileProblems) {
        List<String> failures = new ArrayList<>();
        hostFileProblems.forEach(p -> failures.add("host file: " + p));
        List<String> independent = boot.hostIndependentTemplates();
        Set<String> used = new HashSet<>(independent);
        for (Host host : hosts) {
            used.addAll(templatesOf(host, failures));
        }
        int renders = 0;
        Map<String, String> unusedFailures = new LinkedHashMap<>();
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
                    } else if (!used.contains(t)) {
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
        for (String t : independent) {
            renders++;
            try {
                boot.render(t, kindOf(t), Optional.empty(), unknown);
            } catch (BootException e) {
                failures.add("unknown machine " + UNKNOWN + ": " + e.getMessage());
            }
        }
        return new Report(hosts.size(), templates.size(), renders, failures);
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
            default -> template.contains("user-data") ? TemplateKind.USER_DATA
                    : template.contains("meta-data") ? TemplateKind.META_DATA : TemplateKind.PROVISION;
        };
    }
}
