package org.bootproxy.render;

import freemarker.core.Environment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bootproxy.support.FileStamp;

/**
 * What one render was made from, beyond its {@link org.bootproxy.boot.RenderContext}: the template files it read
 * (the template, and everything it included or imported, or looked for and did not find), each with its
 * {@link FileStamp} taken <em>before</em> FreeMarker read it, and the request values it read ({@link RequestReads}).
 * Taking the stamp first means a file changed while it is being read leaves a stamp that no longer matches, so the
 * answer is made again rather than kept with the wrong text. One render at a time.
 */
final class RenderInputs {

    /** A template file an answer was made from, as it was; {@code stamp} is empty for a file that was missing. */
    record TemplateFile(Path file, Optional<FileStamp> stamp) {
        boolean unchanged() {
            return stamp.equals(FileStamp.of(file));
        }
    }

    private static final String ATTRIBUTE = RenderInputs.class.getName();

    private final Path root;
    private final long startedAt;
    private final Map<Path, TemplateFile> files = new LinkedHashMap<>();
    private RequestReads request;
    private String notReusable = "";

    /** @param startedAt when the render starts ({@link TemplateChecks#now}), before any file is looked at */
    RenderInputs(Path root, long startedAt) {
        this.root = root;
        this.startedAt = startedAt;
    }

    /** When the render started: its files' stamps are from after it, so they were current then. */
    long startedAt() {
        return startedAt;
    }

    /** The inputs being recorded by the render running on this thread, if any. */
    static Optional<RenderInputs> current() {
        Environment env = Environment.getCurrentEnvironment();
        return env != null && env.getCustomAttribute(ATTRIBUTE) instanceof RenderInputs r ? Optional.of(r) : Optional.empty();
    }

    void attachTo(Environment env, RequestReads reads) {
        env.setCustomAttribute(ATTRIBUTE, this);
        this.request = reads;
    }

    /** The file of a template name as FreeMarker gets it ({@code snippets/x.ftl}, maybe with a leading slash). */
    Path file(String templateFileName) {
        String n = templateFileName.startsWith("/") ? templateFileName.substring(1) : templateFileName;
        return root.resolve(n).normalize();
    }

    /** Call before FreeMarker reads the file. */
    Optional<FileStamp> stampBefore(String templateFileName) {
        return FileStamp.of(file(templateFileName));
    }

    /** The render read this template file (or found it missing); {@code why} says why its answers cannot be kept, or "". */
    void used(String templateFileName, Optional<FileStamp> before, String why) {
        Path file = file(templateFileName);
        files.putIfAbsent(file, new TemplateFile(file, before));
        if (!why.isEmpty() && notReusable.isEmpty()) {
            notReusable = why;
        }
    }

    List<TemplateFile> templates() {
        return new ArrayList<>(files.values());
    }

    /** Request keys the render read, sorted. */
    Set<String> requestKeys() {
        return request == null ? Set.of() : request.keysRead();
    }

    /** Why the answer must not be kept ("" when it may be). */
    String notReusable() {
        return notReusable;
    }
}
