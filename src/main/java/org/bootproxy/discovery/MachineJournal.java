package org.bootproxy.discovery;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bootproxy.support.AtomicFile;

/**
 * The discovered machines on disk: an append-only file of JSON lines, one per change ({@code put} a record,
 * {@code del} one, {@code announced} to a target). Each change is appended and flushed to disk ({@code fdatasync})
 * before the call returns, so a machine told it was recorded survives {@code kill -9} and a power cut. A crash in the
 * middle of an append leaves at most one line without its newline at the end: reading ignores it (that change was
 * never acknowledged). {@link #rewrite} replaces the whole file atomically with the live records ({@link AtomicFile}),
 * which keeps it from growing without end.
 *
 * <p>Why a journal and not an embedded database: the records are small (hundreds of bytes), few (thousands at most)
 * and written rarely (a machine's boot); one append plus one flush per change is the least disk work that is
 * crash-safe, the file is plain text an operator can read and back up with the rest of {@code state/}, and it
 * needs no new dependency.
 */
final class MachineJournal implements AutoCloseable {

    /** What reading found: the complete lines, and how many bytes at the end were an interrupted append. */
    record Contents(List<String> lines, int tornBytes) {
    }

    private final Path file;
    private FileChannel channel;

    MachineJournal(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    Path file() {
        return file;
    }

    /** Every complete line, oldest first; an empty journal when the file does not exist. */
    Contents read() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), 0);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (i > start) {
                    lines.add(new String(bytes, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return new Contents(lines, bytes.length - start);
    }

    /** Appends the lines (each without its newline) in one write and flushes them to disk. */
    synchronized void append(List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (l.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a journal line holds no newline");
            }
            b.append(l).append('\n');
        }
        ByteBuffer buf = ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8));
        FileChannel ch = open();
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
        ch.force(false);
    }

    /** Replaces the whole journal with these lines, atomically; appends go to the new file afterwards. */
    synchronized void rewrite(List<String> lines) throws IOException {
        StringBuilder b = new StringBuilder();
        lines.forEach(l -> b.append(l).append('\n'));
        AtomicFile.write(file, b.toString().getBytes(StandardCharsets.UTF_8));
        closeChannel();
    }

    synchronized long size() throws IOException {
        return channel != null ? channel.size() : Files.exists(file) ? Files.size(file) : 0;
    }

    private FileChannel open() throws IOException {
        if (channel == null) {
            boolean created = !Files.exists(file);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            if (created) {
                AtomicFile.syncDirectory(file.toAbsolutePath().getParent());
            }
        }
        return channel;
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        closeChannel();
    }
}
