package org.bootproxy.boot;

/**
 * A template could not be rendered. The message names the template, the line and what was missing,
 * e.g. {@code ipxe/kickstart line 4: host.params.kernelcmd is missing}.
 */
public final class TemplateFailed extends BootException {
    private final String template;
    private final boolean syntax;

    public TemplateFailed(String template, String message) {
        this(template, message, null, false);
    }

    public TemplateFailed(String template, String message, Throwable cause) {
        this(template, message, cause, false);
    }

    private TemplateFailed(String template, String message, Throwable cause, boolean syntax) {
        super(message, cause);
        this.template = template;
        this.syntax = syntax;
    }

    /** The template (or a snippet it includes) does not even parse: it can render for nobody. */
    public static TemplateFailed syntax(String template, String message, Throwable cause) {
        return new TemplateFailed(template, message, cause, true);
    }

    public String template() {
        return template;
    }

    /** True when the template cannot be parsed at all, as opposed to failing for this host or request. */
    public boolean isSyntaxError() {
        return syntax;
    }
}
