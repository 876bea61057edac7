package org.bootproxy.config;

/**
 * Values given as command-line flags; null means "not given". Flags win over the config file,
 * which wins over the defaults. Paths from flags are relative to the working directory.
 */
public record Overrides(
        String httpAddress,
        String tftpAddress,
        String tftpRoot,
        String templates,
        String hosts,
        String assets,
        String stateDir,
        String publicUrl) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null);
}
