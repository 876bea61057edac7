package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * {@code grub2:} section: what the network GRUB of the site's machines reads, and how it loads installers.
 *
 * @param entryConfigs    the config names a signed GRUB reads first from its built-in prefix, each answered with
 *                        the global config grub2/default; default [grub/grub.cfg (Debian, Ubuntu), grub2/grub.cfg
 *                        (Red Hat, Foreman)]
 * @param kernelTransport auto (default), tftp or http: how per-host GRUB configs load the kernel and initrd
 * @param tftpServer      the address in GRUB's (tftp,…) device; default the host of template_url
 */
public record Grub2Config(
        @JsonProperty("entry_configs") List<String> entryConfigs,
        @JsonProperty("kernel_transport") String kernelTransport,
        @JsonProperty("tftp_server") String tftpServer) {

    public static final Grub2Config EMPTY = new Grub2Config(null, null, null);

    public Grub2Config {
        entryConfigs = entryConfigs == null ? null : List.copyOf(entryConfigs);
    }
}
