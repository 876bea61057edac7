package org.bootproxy.http;

import java.util.List;
import java.util.Set;
import org.bootproxy.boot.RenderContext;
import org.bootproxy.boot.TemplateFailed;
import org.bootproxy.boot.TemplateRenderer;

/**
 * Renders every template as a two-line script naming what it was asked for, so a test can see which
 * template was chosen for which host. Templates in {@code failing} throw {@link TemplateFailed};
 * templates in {@code missing} do not exist; {@code broken} ones throw a plain RuntimeException (a bug).
 */
final class EchoRenderer implements TemplateRenderer {
    private final Set<String> failing;
    private final Set<String> missing;
    private final Set<String> broken;

    EchoRenderer() {
        this(Set.of(), Set.of(), Set.of());
    }

    private EchoRenderer(Set<String> failing, Set<String> missing, Set<String> broken) {
        this.failing = failing;
        this.missing = missing;
        this.broken = broken;
    }

    static EchoRenderer failing(String template) {
        return new EchoRenderer(Set.of(template), Set.of(), Set.of());
    }

    static EchoRenderer missing(String template) {
        return new EchoRenderer(Set.of(), Set.of(template), Set.of());
    }

    static EchoRenderer broken(String template) {
        return new EchoRenderer(Set.of(), Set.of(), Set.of(template));
    }

    @Override
    public String render(String name, RenderContext c) {
        if (failing.contains(name)) {
            throw new TemplateFailed(name, name + " line 4: host.params.kernelcmd is missing ${oops} && reboot");
        }
        if (broken.contains(name)) {
            throw new IllegalStateException("renderer bug while rendering " + name);
        }
        return "#!ipxe\n# template=" + name + " host=" + c.host().map(h -> h.name()).orElse("none")
                + " kind=" + c.kind().foremanName() + " mac=" + c.request().firstMac()
                + " serial=" + c.request().facts().serial() + " product=" + c.request().facts().product() + "\n";
    }

    @Override
    public boolean exists(String name) {
        return !missing.contains(name);
    }

    @Override
    public List<String> names() {
        return List.of();
    }
}
