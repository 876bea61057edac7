package org.bootproxy.inventory.file;

import java.nio.file.Path;

/** Where a YAML value or key is written, so a problem with it can say so. */
interface Located {
    /** 1-based line in {@link #file()}, or 0 when not known. */
    int line();

    Path file();
}
