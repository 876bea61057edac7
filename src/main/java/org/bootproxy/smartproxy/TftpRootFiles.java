package org.bootproxy.smartproxy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The files Foreman puts into the TFTP root: pushed boot loader configs and downloaded kernels. Every name
 * is resolved under the root and checked after normalisation and, for what exists, after symlinks (DESIGN
 * rule 9). Writes are atomic and durable: a hidden temporary file in the target's folder, flushed to disk,
 * renamed over the target, and the folder flushed, so a crash leaves the old file or the new one and a TFTP
 * client never reads half a file.
 */
final class TftpRootFiles {

    /** A name that leads out of the TFTP root. */
    static final class OutsideRoot extends IOException {
        OutsideRoot(String name) {
            super(name + " is outside the TFTP root");
        }
    }

    private final Path root;

    TftpRootFiles(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /**
     * {@code relative} under the root.
     *
     * @throws OutsideRoot when it leaves the root, textually or through a symlinked folder
     * @throws IOException when the root does not exist
     */
    Path resolve(String relative) throws IOException {
        Path target = root.resolve(relative).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new OutsideRoot(relative);
        }
        Path realRoot = realRoot();
        Path existing = target.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !existing.toRealPath().startsWith(realRoot)) {
            throw new OutsideRoot(relative);
        }
        return target;
    }

    /** Replaces {@code relative} with {@code content}, creating its folders. */
    void write(String relative, byte[] content) throws IOException {
        Path target = resolve(relative);
        Path temp = temporaryFor(target);
        try {
            Files.write(temp, content);
            commit(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The bytes of {@code relative}, or empty when there is no such file. */
    Optional<byte[]> read(String relative) throws IOException {
        Path target = resolve(relative);
        try {
            Path real = target.toRealPath();
            if (!real.startsWith(realRoot())) {
                throw new OutsideRoot(relative);
            }
            return Files.isRegularFile(real) ? Optional.of(Files.readAllBytes(real)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Removes {@code relative}; true when there was something to remove (a missing file is no error). */
    boolean delete(String relative) throws IOException {
        return Files.deleteIfExists(resolve(relative));
    }

    /**
     * Makes {@code relative} a symbolic link to {@code target} (a path relative to the link's folder, as smart-proxy
     * writes them: {@code ../../../grub2/shimx64.efi}), replacing whatever link or file is there, atomically. The
     * target must lie inside the root; it need not exist yet.
     */
    void symlink(String relative, String target) throws IOException {
        Path link = resolve(relative);
        Path pointsTo = link.getParent().resolve(target).normalize();
        if (!pointsTo.startsWith(root)) {
            throw new OutsideRoot(target + " (from " + relative + ")");
        }
        Path dir = link.getParent();
        Files.createDirectories(dir);
        if (!dir.toRealPath().startsWith(realRoot())) {
            throw new OutsideRoot(relative);
        }
        Path temp = dir.resolve("." + link.getFileName() + ".link-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        try {
            Files.createSymbolicLink(temp, Path.of(target));
            Files.move(temp, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The names in the folder {@code relative} (links not followed), or empty when it is not a folder in the root. */
    Optional<List<String>> list(String relative) throws IOException {
        Path dir = resolve(relative);
        if (!Files.isDirectory(dir) || !dir.toRealPath().startsWith(realRoot())) {
            return Optional.empty();
        }
        try (Stream<Path> all = Files.list(dir)) {
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
            public FileVisitResult visitFile(Path file, BasicFileAttributes a)
                    throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
        return true;
    }

    /** A new hidden file next to {@code target} (its folders created, still inside the root) to write into. */
    Path temporaryFor(Path target) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        if (!dir.toRealPath().startsWith(realRoot())) {
            throw new OutsideRoot(root.relativize(target).toString());
        }
        String name = "." + target.getFileName() + ".part-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        return Files.createFile(dir.resolve(name));
    }

    /** Flushes {@code temp} to disk and renames it over {@code target} atomically, then flushes the folder. */
    void commit(Path temp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel dir = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // some file systems cannot sync a directory; the rename itself is done
        }
    }

    private Path realRoot() throws IOException {
        try {
            return root.toRealPath();
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(root.toString(), null, "the TFTP root does not exist");
        }
    }
}
