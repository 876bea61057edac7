package org.bootproxy.boot;

/**
 * A template could not be rendered. The message names the template, the line and what was missing,
 * e.g. {@code ipxe/kickstart line 4: host.params.kernelcmd is missing}.
 */
public final class TemplateFailed extends BootException {
    private final String template;

    public TemplateFailed(String template, String message) {
        super(message);
        this.template = template;
    }

    public TemplateFailed(String template, String message, Throwable cause) {
        super(message, cause);
        this.template = template;
    }

    public String template() {
        return template;
    }
}
