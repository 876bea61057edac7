package org.bootproxy.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A folder whose files are handed out by name (the TFTP root, the assets folder, the hosts folder), and
 * nothing outside it. A {@link RootName} is resolved under the folder and checked twice: after
 * normalisation, and after following every symlink against the folder's own real path, so a symlink
 * inside that stays inside is followed and one that leads out is refused.
 *
 * <p>What is served is the same for every transport: regular files only (no listings), never a hidden
 * name (a segment starting with a dot, which covers every {@link TempName}), never anything outside
 * (docs/design.md, style rule 6).
 */
public final class ConfinedRoot {

    /** What a lookup found. */
    public sealed interface Lookup permits Found, Missing, Denied {
    }

    /** A regular file inside the root: its real path and its size when looked up. */
    public record Found(Path file, long size) implements Lookup {
    }

    /** Nothing to serve by that name (no such file, a folder, a hidden name); the reason is for the log. */
    public record Missing(String reason) implements Lookup {
    }

    /** The name leads out of the root, or the file cannot be read; the reason is for the log. */
    public record Denied(Why why, String reason) implements Lookup {
    }

    /** Why a lookup was denied. */
    public enum Why {
        /** it resolves outside the root, textually or through a symlink */
        OUTSIDE,
        /** it is inside but bootproxy cannot read it */
        UNREADABLE
    }

    /** A name that leads out of the root, textually or through a symlinked folder. */
    public static final class OutsideRoot extends IOException {
        public OutsideRoot(String name, String what) {
            super("'" + OneLine.of(name, 200) + "' is outside the " + what);
        }
    }

    private final Path root;
    private final String what;

    /**
     * @param root the folder; it need not exist yet: until it does, every name is missing
     * @param what what messages call it, e.g. "TFTP root"
     */
    public ConfinedRoot(Path root, String what) {
        this.root = root.toAbsolutePath().normalize();
        this.what = what;
    }

    /** What messages call the folder, e.g. "TFTP root". */
    public String what() {
        return what;
    }

    /** The folder, absolute and normalised (symlinks not resolved). */
    public Path path() {
        return root;
    }

    /** Finds a file to serve. */
    public Lookup lookup(RootName name) {
        if (name.isEmpty()) {
            return new Missing("the root itself is not a file");
        }
        if (name.hidden()) {
            return new Missing("hidden files (dot-files, files being written) are not served");
        }
        Path candidate = root.resolve(name.path()).normalize();
        if (!candidate.startsWith(root)) {
            return new Denied(Why.OUTSIDE, "resolves outside the " + what);
        }
        try {
            Path real = candidate.toRealPath();
            if (!real.startsWith(root.toRealPath())) {
                return new Denied(Why.OUTSIDE, "a symlink leads outside the " + what + " (to " + real + ")");
            }
            if (!Files.isRegularFile(real)) {
                return new Missing("a directory, and directories are not listed");
            }
            if (!Files.isReadable(real)) {
                return new Denied(Why.UNREADABLE, "not readable by bootproxy");
            }
            return new Found(real, Files.size(real));
        } catch (NoSuchFileException e) {
            // a root that appears later (filled after start) is served from then on: it is looked up every time
            return new Missing(Files.isDirectory(root) ? "not in the " + what : "the " + what + " does not exist (yet)");
        } catch (IOException | SecurityException e) {
            return new Denied(Why.UNREADABLE, "cannot be read: " + e.getMessage());
        }
    }

    /**
     * True when {@code name} is a folder inside the root, symlinks followed but still inside (a Foreman host folder's
     * link source, a bootloader universe).
     */
    public boolean isFolder(RootName name) {
        Path candidate = root.resolve(name.path()).normalize();
        if (name.hidden() || !candidate.startsWith(root)) {
            return false;
        }
        try {
            Path real = candidate.toRealPath();
            return real.startsWith(root.toRealPath()) && Files.isDirectory(real);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Where {@code name} is to be written, read or deleted by bootproxy itself: the path under the root (it
     * need not exist), after checking that its nearest existing folder lies inside the root's real path.
     *
     * @throws OutsideRoot for the root itself, or when a symlinked folder leads out
     * @throws NoSuchFileException when the root does not exist
     */
    public Path resolve(RootName name) throws IOException {
        Path target = root.resolve(name.path()).normalize();
        if (name.isEmpty() || !target.startsWith(root)) {
            throw new OutsideRoot(name.path(), what);
        }
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !existing.toRealPath().startsWith(realRoot())) {
            throw new OutsideRoot(name.path(), what);
        }
        return target;
    }

    /**
     * Creates the folders of a path {@link #resolve} gave, then checks again that they are inside the root
     * (a folder may have been swapped for a symlink meanwhile).
     */
    public Path createFolders(Path target) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        if (!dir.toRealPath().startsWith(realRoot())) {
            throw new OutsideRoot(root.relativize(target).toString(), what);
        }
        return target;
    }

    private Path realRoot() throws IOException {
        try {
            return root.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(root.toString(), null, "the " + what + " does not exist");
        }
    }
}
