package org.bootproxy.render;

/** The templates folder given at start-up does not exist, is not a directory or cannot be read. */
public final class TemplatesFolderUnusable extends IllegalArgumentException {
    TemplatesFolderUnusable(String message) {
        super(message);
    }

    TemplatesFolderUnusable(String message, Throwable cause) {
        super(message, cause);
    }
}
