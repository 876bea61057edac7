package org.bootproxy.inventory.upstream;

import org.bootproxy.boot.OperatingSystem;

/**
 * Fills Foreman's installation-medium variables into a path, the way Foreman does for {@code medium_uri}:
 * {@code $arch}, {@code $major}, {@code $minor}, {@code $version} (major.minor, or major alone) and
 * {@code $release} (release name).
 */
public final class MediumPath {

    private MediumPath() {
    }

    public static String expand(String path, OperatingSystem os) {
        if (path == null || path.isEmpty()) {
            return "";
        }
        return path.replace("$arch", os.arch())
                .replace("$major", os.major())
                .replace("$minor", os.minor())
                .replace("$version", os.version())
                .replace("$release", os.releaseName());
    }
}
