package org.bootproxy.fakes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateRenderer;

/**
 * A renderer that writes which template it rendered, for whom and as what kind, so tests can see the
 * boot decision without real templates. Templates named in {@code failing} throw TemplateFailed, for every
 * host or (see {@link #failingFor}) for one.
 */
public final class NamingRenderer implements TemplateRenderer {
    private final Set<String> names;
    private final Set<String> failing;

    public NamingRenderer(Set<String> names, Set<String> failing) {
        this.names = new TreeSet<>(names);
        this.failing = Set.copyOf(failing);
    }

    /** Also knows {@code template}. */
    public NamingRenderer with(String template) {
        Set<String> n = new TreeSet<>(names);
        n.add(template);
        return new NamingRenderer(n, failing);
    }

    /** Knows every template bootproxy's defaults refer to. */
    public static NamingRenderer standard() {
        return new NamingRenderer(Set.of("ipxe/intermediate", "ipxe/localboot", "ipxe/menu", "ipxe/unknown",
                "ipxe/kickstart", "ipxe/preseed", "pxelinux/default", "pxelinux/localboot", "pxelinux/chain-ipxe",
                "grub2/default", "grub2/localboot", "grub2/chain-ipxe", "grub2/kickstart", "grub2/preseed", "provision/kickstart", "provision/preseed",
                "finish/preseed"), Set.of());
    }

    public NamingRenderer failing(String template) {
        Set<String> f = new TreeSet<>(failing);
        f.add(template);
        return new NamingRenderer(names, f);
    }

    /** {@code template} does not parse: it fails for everyone with a syntax error. */
    public NamingRenderer unparsable(String template) {
        return failing(template + " syntax");
    }

    /** {@code template} fails for this host only (and for no other, nor for an unknown machine). */
    public NamingRenderer failingFor(String template, String hostName) {
        return failing(template + " for " + hostName);
    }

    @Override
    public String render(String templateName, RenderContext c) {
        if (failing.contains(templateName + " syntax")) {
            throw TemplateFailed.syntax(templateName, templateName + " line 2: syntax error: Unclosed #if", null);
        }
        if (failing.contains(templateName) || failing.contains(templateName + " for " + c.host().map(Host::name).orElse(""))) {
            throw new TemplateFailed(templateName, templateName + " line 3: host.params.kernelcmd is missing");
        }
        String header = templateName.startsWith("ipxe/") ? "#!ipxe\n" : "";
        return header + "template=" + templateName + " host=" + c.host().map(Host::name).orElse("none")
                + " kind=" + c.kind().foremanName() + "\n";
    }

    @Override
    public boolean exists(String templateName) {
        return names.contains(templateName);
    }

    @Override
    public List<String> names() {
        return List.copyOf(names);
    }
}
