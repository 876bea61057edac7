package org.bootproxy.boot;

import java.util.List;
import java.util.Objects;
import org.bootproxy.support.RootName;

/**
 * A boot loader in a host's Foreman folder ({@code host-config/<mac>/grub2/shimx64.efi}, …) that nobody wrote
 * there: bootproxy serves the file it would link to, found in the TFTP root.
 *
 * @param name    the name asked for, relative to the TFTP root
 * @param sources where it may come from, in order: the first source whose folder exists in the root decides
 * @param host    the host the folder belongs to
 */
public record LoaderLink(String name, List<Source> sources, String host) {

    /** {@code file} in the folder {@code dir}, both relative to the TFTP root and valid names there. */
    public record Source(String dir, String file) {
        public Source {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(file, "file");
            name(dir + "/" + file);
        }

        public String path() {
            return dir + "/" + file;
        }

        /** The folder as a name under the TFTP root. */
        public RootName folderName() {
            return name(dir);
        }

        /** The file as a name under the TFTP root. */
        public RootName pathName() {
            return name(path());
        }

        /** True when {@code dir} is a valid folder name under the root (no {@code ..}, no control characters). */
        static boolean valid(String dir) {
            try {
                RootName.parseRelative(dir);
                return true;
            } catch (RootName.BadName e) {
                return false;
            }
        }

        private static RootName name(String path) {
            try {
                return RootName.parseRelative(path);
            } catch (RootName.BadName e) {
                throw new IllegalArgumentException("not a name in the TFTP root: " + path + " (" + e.getMessage() + ")", e);
            }
        }
    }

    public LoaderLink {
        Objects.requireNonNull(name, "name");
        sources = List.copyOf(sources);
        host = host == null ? "" : host;
    }
}
