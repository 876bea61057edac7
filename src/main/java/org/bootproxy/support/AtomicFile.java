package org.bootproxy.support;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Replacing a file so that a crash at any moment leaves the old file or the new one, never half of one,
 * and a reader (a TFTP client, a restart) never sees a partial file: the bytes go to a {@link TempName}
 * beside the target, are flushed to disk, the temporary file is renamed over the target, and the folder
 * is flushed so the rename survives a power cut too (docs/design.md, style rule 7).
 */
public final class AtomicFile {

    /** Writes the new content into the temporary file. */
    @FunctionalInterface
    public interface Fill {
        void into(Path temp) throws IOException;
    }

    private AtomicFile() {
    }

    /** Replaces {@code target} (its folder must exist) with {@code content}. */
    public static void write(Path target, byte[] content) throws IOException {
        replace(target, temp -> Files.write(temp, content));
    }

    /** Replaces {@code target} (its folder must exist) with what {@code fill} writes; on any failure the target is untouched. */
    public static void replace(Path target, Fill fill) throws IOException {
        Path temp = createTemp(target);
        try {
            fill.into(temp);
            commit(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A new, empty temporary file beside {@code target}, for writers that fill it their own way (a download);
     * hand it to {@link #commit}, and delete it if that never happens.
     */
    public static Path createTemp(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        for (int attempt = 0; ; attempt++) {
            try {
                return Files.createFile(dir.resolve(TempName.fresh(name).fileName()));
            } catch (FileAlreadyExistsException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Flushes {@code temp} to disk, renames it over {@code target} and flushes the folder. */
    public static void commit(Path temp, Path target) throws IOException {
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so only odd file systems get here; a plain replace is the best left
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /**
     * Flushes a folder's entries to disk, so a rename, a new file or a deletion in it survives a power cut. Platforms
     * that cannot open or sync a folder are left as they are: the files themselves are on disk.
     */
    public static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some platforms cannot open or sync a folder
        }
    }

    /**
     * What {@link #removeAbandoned} did.
     *
     * @param removed  the temporary files deleted
     * @param problems what could not be looked at or deleted, one line each
     */
    public record Cleanup(List<Path> removed, List<String> problems) {
        public Cleanup {
            removed = List.copyOf(removed);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Deletes the temporary files under {@code dir} (all its folders, symlinks not followed) whose writer is
     * gone: left by a process that was killed or crashed mid-write. Files another running bootproxy is still
     * writing are left alone. Nothing happens when {@code dir} does not exist.
     */
    public static Cleanup removeAbandoned(Path dir) {
        List<Path> removed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new Cleanup(removed, problems);
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Optional<TempName> temp = TempName.parse(file.getFileName().toString());
                    if (attrs.isRegularFile() && temp.isPresent() && temp.get().abandoned(file)) {
                        try {
                            Files.delete(file);
                            removed.add(file);
                        } catch (NoSuchFileException gone) {
                            // its writer finished, or another start cleaned it meanwhile
                        } catch (IOException e) {
                            problems.add("cannot delete " + file + ": " + e);
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    problems.add("cannot look into " + file + ": " + e);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add("cannot walk " + dir + ": " + e);
        }
        return new Cleanup(removed, problems);
    }
}
