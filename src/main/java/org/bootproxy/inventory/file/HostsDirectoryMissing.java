package org.bootproxy.inventory.file;

import java.nio.file.Path;

/** The hosts directory given at start-up does not exist or is not a directory. */
public final class HostsDirectoryMissing extends RuntimeException {
    public HostsDirectoryMissing(Path path) {
        super("hosts directory " + path + " (" + path.toAbsolutePath().normalize() + ") does not exist or is not a"
                + " directory: create it with one YAML file per host (see docs/host-files.md), or point --hosts at"
                + " the right directory");
    }
}
