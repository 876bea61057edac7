package org.bootproxy.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bootproxy.support.ConfinedRoot;
import org.bootproxy.support.FileStamp;
import org.bootproxy.support.RootName;

/**
 * The templates folder: which names exist and where their files are. A name is a path below the folder
 * without {@code .ftl}; files under {@code snippets/} are only for {@code <#include>} and are not names.
 * Nothing outside the folder is ever a template: names with {@code ..}, absolute names and symlinks that
 * resolve outside the folder do not exist ({@link ConfinedRoot}). Messages name templates relative to the
 * folder: they reach clients, who have no business knowing where the folder is.
 */
final class TemplateFolder {

    static final String SUFFIX = ".ftl";
    static final String SNIPPETS = "snippets/";

    /** Segments start with a letter or digit (so no "." or ".." and no hidden files), joined by single slashes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private final Path root;
    /** The folder as configured (absolute), when a symlink makes it differ from {@link #root}. */
    private final Path configured;
    private final ConfinedRoot confined;
    /** Names found to exist (only those: the set is bounded by the folder's files). */
    private final Map<String, Found> found = new ConcurrentHashMap<>();
    private final TemplateChecks checks;

    TemplateFolder(Path dir) {
        this(dir, TemplateChecks.defaults());
    }

    TemplateFolder(Path dir, TemplateChecks checks) {
        this.checks = Objects.requireNonNull(checks, "checks");
        Path abs = dir.toAbsolutePath().normalize();
        this.configured = abs;
        if (!Files.isDirectory(abs)) {
            throw new TemplatesFolderUnusable("templates folder " + abs + " does not exist or is not a directory");
        }
        try {
            // FreeMarker's loader resolves the folder once, at start; do the same so both agree
            this.root = abs.toRealPath();
        } catch (IOException e) {
            throw new TemplatesFolderUnusable("templates folder " + abs + " cannot be read: " + e.getMessage(), e);
        }
        this.confined = new ConfinedRoot(root, "templates folder");
    }

    Path root() {
        return root;
    }

    static String fileName(String templateName) {
        return templateName + SUFFIX;
    }

    /** Why {@link #exists} is false, for the operator: bad name, snippet, or no such file. */
    String whyNotFound(String templateName) {
        if (!isValidName(templateName)) {
            return "'" + templateName + "' is not a template name (names look like ipxe/kickstart: no .ftl, no ..)";
        }
        if (templateName.startsWith(SNIPPETS)) {
            return templateName + " is a snippet, only for <#include> and <#import> in templates";
        }
        return "no template named " + templateName + " (looked for " + fileName(templateName)
                + " in the templates folder: it does not exist or leads outside the folder)";
    }

    /**
     * {@code message} with the folder's absolute path taken out: files named relative to the folder, the folder
     * itself as "the templates folder". For messages a client may see (a FreeMarker error can quote a path).
     */
    String withoutRoot(String message) {
        String m = message;
        for (Path p : List.of(root, configured)) {
            m = m.replace(p + "/", "").replace(p.toString(), "the templates folder");
        }
        return m;
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /**
     * True for a template that may be rendered. Asked on every answer, so a name found once is remembered with its
     * file's stamp: while the file keeps that stamp (one {@code stat}) it is the same file, already found confined;
     * and the stamp is looked at again only when the last look is {@link TemplateChecks} old (a removed template
     * still exists for up to that long). The stamp is taken before the full check, so a file swapped during the
     * check does not keep the old verdict.
     */
    boolean exists(String templateName) {
        if (templateName == null) {
            return false;
        }
        Found known = found.get(templateName);
        if (known != null) {
            long now = checks.now();
            if (!checks.due(known.checkedAt(), now)) {
                return true;
            }
            if (known.stamp().matches(known.file())) {
                found.put(templateName, new Found(known.file(), known.stamp(), now));
                return true;
            }
        }
        long lookedAt = checks.now();
        if (!isValidName(templateName) || templateName.startsWith(SNIPPETS)) {
            return false;
        }
        Path file = root.resolve(fileName(templateName));
        Optional<FileStamp> before = FileStamp.of(file);
        boolean exists;
        try {
            exists = confined.lookup(RootName.parse(fileName(templateName))) instanceof ConfinedRoot.Found;
        } catch (RootName.BadName e) {
            exists = false;
        }
        if (exists && before.isPresent()) {
            found.put(templateName, new Found(file, before.get(), lookedAt));
        } else {
            found.remove(templateName);
        }
        return exists;
    }

    /** A template found in the folder, its file's stamp when it was, and when that stamp was last found current. */
    private record Found(Path file, FileStamp stamp, long checkedAt) {
    }

    /** Every .ftl file under the folder (snippets too), as FreeMarker names them: {@code snippets/installer.ftl}. */
    List<String> ftlFiles() {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX) && Files.isRegularFile(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(TemplateFolder::isValidName)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    List<String> names() {
        try (Stream<Path> files = Files.walk(root)) {
            return files
                    .filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .filter(this::exists)
                    .sorted()
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("cannot list the templates folder " + root + ": " + e.getMessage(), e);
        }
    }
}
