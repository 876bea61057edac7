package org.bootproxy.smartproxy;

import java.util.Locale;

/** The smart-proxy modules bootproxy implements; Foreman knows them as HTTPBoot, Templates and TFTP. */
public enum Feature {
    HTTPBOOT,
    TEMPLATES,
    TFTP;

    /** The name on the wire: {@code httpboot}, {@code templates}, {@code tftp}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
