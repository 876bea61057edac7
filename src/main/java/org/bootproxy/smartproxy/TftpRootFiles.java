package org.bootproxy.smartproxy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

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
