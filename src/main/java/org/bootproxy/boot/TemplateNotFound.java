package org.bootproxy.boot;

/** The host is known but no template of the asked kind is set for it or its OS family. */
public final class TemplateNotFound extends BootException {
    public TemplateNotFound(String message) {
        super(message);
    }
}
