package org.bootproxy.boot;

import java.util.List;
import java.util.Objects;

/**
 * A boot loader in a host's Foreman folder ({@code host-config/<mac>/grub2/shimx64.efi}, …) that nobody wrote
 * there: bootproxy serves the file it would link to, found in the TFTP root.
 *
 * @param name    the name asked for, relative to the TFTP root
 * @param sources where it may come from, in order: the first source whose folder exists in the root decides
 * @param host    the host the folder belongs to
 */
public record LoaderLink(String name, List<Source> sources, String host) {

    /** {@code file} in the folder {@code dir}, both relative to the TFTP root. */
    public record Source(String dir, String file) {
        public Source {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(file, "file");
        }

        public String path() {
            return dir + "/" + file;
        }
    }

    public LoaderLink {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        host = host == null ? "" : host;
    }
}
