package org.bootproxy.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How bootproxy serves GRUB2, already validated. Distributions build their signed network GRUB differently, so
 * neither of these is assumed:
 *
 * @param entryConfigs    the names answered with the global config ({@code grub2/default}): the config a signed
 *                        GRUB reads first from its built-in prefix. Debian's and Ubuntu's {@code grubnetx64.efi}
 *                        read {@code grub/grub.cfg} (prefix {@code /grub}); Red Hat's reads {@code grub.cfg} in
 *                        the folder of its own file, {@code grub2/grub.cfg} for Foreman's layout
 * @param kernelTransport how the per-host GRUB configs load the installer's kernel and initrd
 * @param tftpServer      the address GRUB's {@code (tftp,…)} device names; "" = the host of the public URL
 */
public record GrubSettings(List<String> entryConfigs, KernelTransport kernelTransport, String tftpServer) {

    /** Debian's/Ubuntu's prefix and Foreman's global default: what a site with either GRUB needs. */
    public static final List<String> DEFAULT_ENTRY_CONFIGS = List.of("grub/grub.cfg", "grub2/grub.cfg");

    /** Where GRUB fetches the installer's kernel and initrd from. */
    public enum KernelTransport {
        /**
         * bootproxy's own {@code /pub/} files over TFTP (every GRUB can), any other http:// URL over GRUB's
         * {@code (http,…)} device (needs a GRUB with the http module, e.g. Red Hat's)
         */
        AUTO,
        /**
         * always TFTP: what Debian's and Ubuntu's signed GRUB need (no http module). A kernel that is not one of
         * bootproxy's {@code /pub/} files cannot be reached then, and the render says so
         */
        TFTP,
        /** always GRUB's {@code (http,…)} device, {@code /pub/} files included */
        HTTP;

        /** {@code auto}, {@code tftp}, {@code http}: the name in the config file, host parameters and templates. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code auto}, {@code tftp} or {@code http} (any case). */
        public static KernelTransport parse(String text) {
            for (KernelTransport t : values()) {
                if (t.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
                    return t;
                }
            }
            throw new IllegalArgumentException("'" + text + "' is not a GRUB kernel transport: use auto, tftp or http");
        }
    }

    public GrubSettings {
        Objects.requireNonNull(entryConfigs, "entryConfigs");
        List<String> names = new ArrayList<>();
        for (String raw : entryConfigs) {
            String n = raw == null ? "" : raw.trim();
            while (n.startsWith("/")) {
                n = n.substring(1);
            }
            if (n.isEmpty() || n.endsWith("/") || n.contains("..") || n.contains("\\")) {
                throw new IllegalArgumentException("'" + raw + "' is not a GRUB config path in the TFTP root,"
                        + " e.g. grub/grub.cfg");
            }
            names.add(n);
        }
        entryConfigs = List.copyOf(names);
        Objects.requireNonNull(kernelTransport, "kernelTransport");
        tftpServer = tftpServer == null ? "" : tftpServer.trim();
        if (tftpServer.contains(",") || tftpServer.contains(")") || tftpServer.contains(" ")) {
            throw new IllegalArgumentException("'" + tftpServer + "' is not a TFTP server address (e.g. 192.0.2.1)");
        }
    }

    /** Both entry configs, kernels from bootproxy's {@code /pub/} over TFTP, others over http. */
    public static GrubSettings defaults() {
        return new GrubSettings(DEFAULT_ENTRY_CONFIGS, KernelTransport.AUTO, "");
    }

    /** True when {@code name} (leading slashes removed) is one of the entry configs. */
    public boolean isEntryConfig(String name) {
        return entryConfigs.contains(name);
    }
}
