package org.bootproxy.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What tells that a file changed without reading it: its modification time, size and identity (device and
 * inode), following symlinks. One {@code stat} per look. An edit in place changes the time (and usually the size);
 * a save by rename (editors, {@code AtomicFile}, git checkouts) changes the identity; a symlink pointed elsewhere
 * reaches another file. Two writes within one tick of a coarse clock, of the same size, in place, are the one
 * change it cannot see; callers that must see those read the bytes again when the time is recent.
 *
 * @param modified the last modification time
 * @param size     the size in bytes
 * @param fileKey  the file's identity ({@link BasicFileAttributes#fileKey()}), or null where the file system has none
 */
public record FileStamp(FileTime modified, long size, Object fileKey) {

    public FileStamp {
        Objects.requireNonNull(modified, "modified");
    }

    /**
     * The file's stamp now (one {@code stat}); empty when it does not exist or cannot be looked at. Where a missing
     * file is the common case, ask {@link #exists} first: the JDK reports a missing file here with an exception.
     */
    public static Optional<FileStamp> of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return Optional.of(new FileStamp(a.lastModifiedTime(), a.size(), a.fileKey()));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty(); // removed since, or unreadable: as good as missing to the caller
        }
    }

    /**
     * The file exists (following symlinks). One {@code stat}; unlike {@link Files#exists}, which builds and drops an
     * exception for a missing file, cheap enough to ask on every request.
     */
    public static boolean exists(Path file) {
        return file.getFileSystem() == FileSystems.getDefault() ? new File(file.toString()).exists() : Files.exists(file);
    }

    /** True when {@code file} still has this stamp. */
    public boolean matches(Path file) {
        return of(file).map(this::equals).orElse(false);
    }
}
