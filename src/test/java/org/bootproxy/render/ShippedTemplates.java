package org.bootproxy.render;

import java.nio.file.Path;
import org.bootproxy.boot.Host;
import org.bootproxy.boot.TemplateKind;

/**
 * Renders the templates shipped in the repository's {@code templates/} folder (tests run with the
 * repository root as working directory). For tests of any package that want real template output.
 */
public final class ShippedTemplates {

    public static final Path DIR = Path.of("templates");

    private ShippedTemplates() {
    }

    /** A renderer over the shipped templates. */
    public static FreemarkerRenderer renderer() {
        return new FreemarkerRenderer(DIR);
    }

    /** Renders a shipped template for a host (or null for none) as a request for that host's MAC would. */
    public static String render(String template, TemplateKind kind, Host host) {
        return renderer().render(template, TemplateFixtures.context(host, kind));
    }
}
