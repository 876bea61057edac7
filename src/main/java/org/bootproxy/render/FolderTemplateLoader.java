package org.bootproxy.render;

import freemarker.cache.FileTemplateLoader;
import freemarker.cache.TemplateLoader;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.file.Path;

/**
 * FreeMarker's file loader for the templates folder, with two things made right for operators:
 * a file that resolves outside the folder (a symlink out) is simply not found, as a missing file is,
 * rather than an unchecked SecurityException; and a byte order mark an editor put at the start of a
 * file is dropped, so it cannot end up before an iPXE script's {@code #!ipxe}.
 */
final class FolderTemplateLoader implements TemplateLoader {

    private static final int BYTE_ORDER_MARK = '\uFEFF';

    private final FileTemplateLoader files;
    private final Path root;

    FolderTemplateLoader(Path root) throws IOException {
        // false = FreeMarker checks that the canonical path of every file is inside root
        this.files = new FileTemplateLoader(root.toFile(), false);
        this.root = root;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        try {
            return files.findTemplateSource(name);
        } catch (SecurityException outsideTheFolder) {
            return null;
        }
    }

    @Override
    public long getLastModified(Object source) {
        return files.getLastModified(source);
    }

    @Override
    public Reader getReader(Object source, String encoding) throws IOException {
        PushbackReader reader = new PushbackReader(files.getReader(source, encoding), 1);
        int first = reader.read();
        if (first != -1 && first != BYTE_ORDER_MARK) {
            reader.unread(first);
        }
        return reader;
    }

    @Override
    public void closeTemplateSource(Object source) throws IOException {
        files.closeTemplateSource(source);
    }

    /** Appears in FreeMarker's "template not found" messages, which reach clients: no absolute path. */
    @Override
    public String toString() {
        return "the templates folder";
    }
}
