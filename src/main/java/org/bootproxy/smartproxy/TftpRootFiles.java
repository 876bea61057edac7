package org.bootproxy.smartproxy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.bootproxy.support.AtomicFile;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.RootName;
import org.bootproxy.support.TempName;

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

    /**
     * Makes {@code relative} a symbolic link to {@code target} (a path relative to the link's folder, as smart-proxy
     * writes them: {@code ../../../grub2/shimx64.efi}), replacing whatever link or file is there, atomically (a link
     * under a temporary name, renamed over). The target must lie inside the root; it need not exist yet.
     */
    void symlink(String relative, String target) throws IOException {
        Path link = root.createFolders(resolve(relative));
        if (!link.getParent().resolve(target).normalize().startsWith(root.path())) {
            throw new ConfinedRoot.OutsideRoot(target + " (from " + relative + ")", root.what());
        }
        Path temp = link.resolveSibling(TempName.fresh(link.getFileName().toString()).fileName());
        try {
            Files.createSymbolicLink(temp, Path.of(target));
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The names in the folder {@code relative} (links not followed), or empty when it is not a folder in the root. */
    Optional<List<String>> list(String relative) throws IOException {
        if (!root.isFolder(name(relative))) {
            return Optional.empty();
        }
        try (Stream<Path> all = Files.list(resolve(relative))) {
            return Optional.of(all.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * Removes the folder {@code relative} and everything in it; symlinks inside are removed, never followed. A
     * folder that is itself a symlink is removed as a link. True when there was something to remove.
     */
    boolean deleteTree(String relative) throws IOException {
        Path top = resolve(relative);
        if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!Files.isDirectory(top, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(top);
            return true;
        }
        Files.walkFileTree(top, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
        return true;
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
