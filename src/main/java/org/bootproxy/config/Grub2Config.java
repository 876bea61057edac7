package org.bootproxy.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.bootproxy.boot.GrubSettings;

/**
 * {@code grub2:} section: what the network GRUB of the site's machines reads, and how it loads installers; checked
 * when read, each value against its key.
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
        entryConfigs = entryConfigs == null ? GrubSettings.DEFAULT_ENTRY_CONFIGS : List.copyOf(entryConfigs);
        kernelTransport = kernelTransport == null ? GrubSettings.KernelTransport.AUTO.id() : kernelTransport.trim();
        try {
            GrubSettings.KernelTransport.parse(kernelTransport);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("grub2.kernel_transport: '" + kernelTransport + "' is not allowed; use auto"
                    + " (bootproxy's /pub/ files over TFTP, other URLs over http), tftp (Debian's and Ubuntu's signed GRUB)"
                    + " or http (a GRUB with the http module)");
        }
        try {
            new GrubSettings(entryConfigs, GrubSettings.KernelTransport.AUTO, "");
        } catch (IllegalArgumentException e) {
            throw new ConfigException("grub2.entry_configs: " + e.getMessage());
        }
        try {
            new GrubSettings(List.of(), GrubSettings.KernelTransport.AUTO, tftpServer);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("grub2.tftp_server: " + e.getMessage());
        }
    }

    /** The domain's GRUB settings. */
    public GrubSettings grub() {
        return new GrubSettings(entryConfigs, GrubSettings.KernelTransport.parse(kernelTransport), tftpServer);
    }
}
