package org.bootproxy.smartproxy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.RootName;

/**
 * The files Foreman puts into the TFTP root: pushed boot loader configs and downloaded kernels. Names are
 * relative to the root and confined to it ({@link ConfinedRoot}); writes are atomic and durable
 * ({@link AtomicFile}), so a TFTP client never reads half a file and a crash leaves the old or the new one.
 */
final class TftpRootFiles {

    private final ConfinedRoot root;

    TftpRootFiles(Path root) {
        this.root = new ConfinedRoot(root, "TFTP root");
    }

    Path root() {
        return root.path();
    }

    /**
     * {@code relative} under the root.
     *
     * @throws ConfinedRoot.OutsideRoot when it leaves the root, textually or through a symlinked folder
     * @throws IOException when the root does not exist
     */
    Path resolve(String relative) throws IOException {
        return root.resolve(name(relative));
    }

    /** Replaces {@code relative} with {@code content}, creating its folders. */
    void write(String relative, byte[] content) throws IOException {
        AtomicFile.write(root.createFolders(resolve(relative)), content);
    }

    /** The bytes of {@code relative}, or empty when there is no such file. */
    Optional<byte[]> read(String relative) throws IOException {
        resolve(relative); // says so when the root itself is missing
        ConfinedRoot.Lookup found = root.lookup(name(relative));
        if (found instanceof ConfinedRoot.Denied d) {
            throw new AccessDeniedException(relative, null, d.reason());
        }
        return found instanceof ConfinedRoot.Found f ? Optional.of(Files.readAllBytes(f.file())) : Optional.empty();
    }

    /** Removes {@code relative}; true when there was something to remove (a missing file is no error). */
    boolean delete(String relative) throws IOException {
        return Files.deleteIfExists(resolve(relative));
    }

    /** A new temporary file beside {@code target} (its folders created, still inside the root) to download into. */
    Path temporaryFor(Path target) throws IOException {
        return AtomicFile.createTemp(root.createFolders(target));
    }

    /** Puts a filled temporary file in place of {@code target}. */
    void commit(Path temp, Path target) throws IOException {
        AtomicFile.commit(temp, target);
    }

    private RootName name(String relative) throws ConfinedRoot.OutsideRoot {
        try {
            return RootName.parseRelative(relative);
        } catch (RootName.BadName e) {
            throw new ConfinedRoot.OutsideRoot(relative, root.what());
        }
    }
}
