package org.bootproxy.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The templates folder: which names exist and where their files are. A name is a path below the folder
 * without {@code .ftl}; files under {@code snippets/} are only for {@code <#include>} and are not names.
 * Nothing outside the folder is ever a template: names with {@code ..}, absolute names and symlinks that
 * resolve outside the folder do not exist.
 */
final class TemplateFolder {

    static final String SUFFIX = ".ftl";
    static final String SNIPPETS = "snippets/";

    /** Segments start with a letter or digit (so no "." or ".." and no hidden files), joined by single slashes. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(?:/[A-Za-z0-9][A-Za-z0-9._-]*)*");

    private final Path root;

    TemplateFolder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new TemplatesFolderUnusable("templates folder " + abs + " does not exist or is not a directory");
        }
        try {
            // FreeMarker's loader resolves the folder once, at start; do the same so both agree
            this.root = abs.toRealPath();
        } catch (IOException e) {
            throw new TemplatesFolderUnusable("templates folder " + abs + " cannot be read: " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    static String fileName(String templateName) {
        return templateName + SUFFIX;
    }

    /** The file of a valid name. */
    Path file(String templateName) {
        return root.resolve(fileName(templateName));
    }

    /** Why {@link #exists} is false, for the operator: bad name, snippet, or no such file. */
    String whyNotFound(String templateName) {
        if (!isValidName(templateName)) {
            return "'" + templateName + "' is not a template name (names look like ipxe/kickstart: no .ftl, no ..)";
        }
        if (templateName.startsWith(SNIPPETS)) {
            return templateName + " is a snippet, only for <#include> and <#import> in templates";
        }
        return "no template named " + templateName + " (looked for " + file(templateName)
                + ", which does not exist or leads outside the templates folder)";
    }

    static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    boolean exists(String templateName) {
        if (!isValidName(templateName) || templateName.startsWith(SNIPPETS)) {
            return false;
        }
        Path file = file(templateName);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return file.toRealPath().startsWith(root);
        } catch (IOException e) {
            return false;
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
