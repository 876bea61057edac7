package org.bootproxy.boot;

import java.util.Optional;

/**
 * What bootproxy hands a client: the rendered bytes plus why, for logs and events.
 *
 * @param body     the rendered text
 * @param template the template that produced it, e.g. "ipxe/kickstart"
 * @param host     the host it was rendered for, if one was found
 * @param reason   which branch of the boot decision was taken
 */
public record Answer(String body, String template, Optional<Host> host, Reason reason) {

    public enum Reason {
        /** the host's own template (host in build, or a kind that does not depend on build) */
        HOST_TEMPLATE,
        /** known host not in build: boot from local disk */
        LOCAL_BOOT,
        /** no host identified yet: the script that tries every NIC */
        INTERMEDIATE,
        /** no NIC matched: the configured answer for unknown machines */
        UNKNOWN_MACHINE,
        /** a generic file for any client (pxelinux.cfg/default, grub2/grub.cfg) */
        DEFAULT
    }

    public Answer {
        host = host == null ? Optional.empty() : host;
    }

    public String hostName() {
        return host.map(Host::name).orElse("");
    }
}
