package org.bootproxy.boot;

import java.util.List;
import java.util.Map;

/** Port: turns a named template plus what is known about the client into text. */
public interface TemplateRenderer {

    /**
     * Renders {@code templateName} (e.g. "ipxe/kickstart").
     *
     * @throws TemplateFailed naming the template, line and missing value when it cannot be rendered
     */
    String render(String templateName, RenderContext context);

    /** True when a template of that name exists. */
    boolean exists(String templateName);

    /** Every template name, sorted (for {@code lint}). */
    List<String> names();

    /**
     * Forgets any rendered answers kept for reuse, so the next answers are rendered afresh (a reload calls it).
     * Kept answers must never be served stale anyway; this is the operator's way to be sure.
     */
    default void forgetAnswers() {
    }

    /**
     * Reads and prepares every template now, then renders each sample (a template name and what it is rendered for)
     * once, stopping early when {@code budget} has passed, without keeping the answers: the first answer after start
     * then finds every class it needs loaded and linked (what makes a cold first answer slow), and the JIT compiles
     * the rest while real machines ask. Failures are left for the real renders to report.
     */
    default void warmUp(Map<String, RenderContext> samples, java.time.Duration budget) {
    }
}
