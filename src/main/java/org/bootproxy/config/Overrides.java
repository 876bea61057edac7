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
        String publicUrl,
        String groups,
        String profiles) {

    public static final Overrides NONE = new Overrides(null, null, null, null, null, null, null, null);

    /** Without --groups and --profiles. */
    public Overrides(String httpAddress, String tftpAddress, String tftpRoot, String templates, String hosts,
                     String assets, String stateDir, String publicUrl) {
        this(httpAddress, tftpAddress, tftpRoot, templates, hosts, assets, stateDir, publicUrl, null, null);
    }

    /** These flags with --groups and --profiles as given. */
    public Overrides withSite(String newGroups, String newProfiles) {
        return new Overrides(httpAddress, tftpAddress, tftpRoot, templates, hosts, assets, stateDir, publicUrl, newGroups,
                newProfiles);
    }
}
