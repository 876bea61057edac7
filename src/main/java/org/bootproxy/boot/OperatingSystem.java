package org.bootproxy.boot;

import java.util.Objects;

/**
 * The operating system a host installs.
 *
 * @param name        e.g. "AlmaLinux", "Debian", "Ubuntu"
 * @param family      Foreman's family name: Redhat, Debian, Suse, …; it picks the default templates
 * @param major       major version, e.g. "9"
 * @param minor       minor version, e.g. "4", or ""
 * @param arch        architecture, e.g. "x86_64"
 * @param releaseName release code name (bookworm, noble) or ""
 */
public record OperatingSystem(String name, String family, String major, String minor, String arch, String releaseName) {
    public OperatingSystem {
        Objects.requireNonNull(family, "os.family");
        name = name == null ? "" : name;
        major = major == null ? "" : major;
        minor = minor == null ? "" : minor;
        arch = arch == null || arch.isBlank() ? "x86_64" : arch;
        releaseName = releaseName == null ? "" : releaseName;
    }

    /** "9.4", or just "9" when there is no minor version. */
    public String version() {
        return minor.isEmpty() ? major : major + "." + minor;
    }
}
