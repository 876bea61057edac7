package org.bootproxy.tftp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The directory TFTP serves files from. Every client name is cleaned first ({@link #clean}), then resolved
 * under the root and checked again after normalisation and after following symlinks, so nothing outside
 * the root is ever opened.
 */
final class StaticRoot {

    /** What a lookup found. */
    sealed interface Lookup permits Found, Missing, Denied {
    }

    record Found(Path file, long size) implements Lookup {
    }

    record Missing() implements Lookup {
    }

    /** The name tries to leave the root, or the file cannot be read: TFTP error 2. */
    record Denied(String reason) implements Lookup {
    }

    /** A client name that failed {@link #clean}. */
    static final class BadName extends Exception {
        BadName(String reason) {
            super(reason);
        }
    }

    private final Path root;

    StaticRoot(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path path() {
        return root;
    }

    /**
     * Turns the bytes a client sent into a name relative to the root: trailing NUL and 0xFF bytes (old PXE
     * ROMs) dropped, UTF-8 decoded, backslashes read as slashes, leading slashes and {@code ./} removed,
     * repeated slashes collapsed. pxelinux asks for {@code pxelinux.cfg/…} or {@code /tftpboot/pxelinux.cfg/…}
     * depending on its boot file name, so a leading slash means "from the root", never the server's {@code /}.
     *
     * @throws BadName for a {@code ..} segment, a NUL or another control character inside the name
     */
    static String clean(byte[] sent) throws BadName {
        int end = sent.length;
        while (end > 0 && (sent[end - 1] == 0 || sent[end - 1] == (byte) 0xff)) {
            end--;
        }
        String name = new String(sent, 0, end, StandardCharsets.UTF_8).replace('\\', '/');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new BadName(c == 0 ? "NUL inside the file name" : "control character in the file name");
            }
        }
        StringBuilder out = new StringBuilder(name.length());
        for (String segment : name.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                throw new BadName("'..' in the file name");
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(segment);
        }
        return out.toString();
    }

    /** True when a cleaned name is a folder under the root (symlinks followed, still inside the root). */
    boolean isDirectory(String cleanName) {
        Path candidate = root.resolve(cleanName).normalize();
        if (!candidate.startsWith(root)) {
            return false;
        }
        try {
            Path real = candidate.toRealPath();
            return real.startsWith(root.toRealPath()) && Files.isDirectory(real);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** Finds a cleaned name under the root. */
    Lookup lookup(String cleanName) {
        if (cleanName.isEmpty()) {
            return new Missing();
        }
        Path candidate = root.resolve(cleanName).normalize();
        if (!candidate.startsWith(root)) {
            return new Denied("resolves outside the TFTP root");
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return new Denied("a symlink leads outside the TFTP root (to " + real + ")");
            }
            if (!Files.isRegularFile(real)) {
                return new Missing();
            }
            if (!Files.isReadable(real)) {
                return new Denied("not readable by bootproxy");
            }
            return new Found(real, Files.size(real));
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException | SecurityException e) {
            return new Denied("cannot be read: " + e.getMessage());
        }
    }
}
