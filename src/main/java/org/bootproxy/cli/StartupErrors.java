package org.bootproxy.cli;

import java.util.function.Supplier;
import org.bootproxy.config.ConfigException;
import org.bootproxy.inventory.cmdb.CmdbSettings;
import org.bootproxy.inventory.file.HostsDirectoryMissing;
import org.bootproxy.inventory.upstream.Tls;
import org.bootproxy.render.TemplatesFolderUnusable;

/**
 * The start-up failures that are the operator's to fix, as the adapter that found them words them: each
 * becomes a {@link ConfigException} (exit code 2, "configuration error: …"). Anything else an adapter throws
 * while being built is a bug and surfaces as one, with its stack trace.
 */
final class StartupErrors {

    private StartupErrors() {
    }

    static <T> T asConfigError(Supplier<T> build) {
        try {
            return build.get();
        } catch (HostsDirectoryMissing | TemplatesFolderUnusable | Tls.Unusable | CmdbSettings.Invalid
                 | java.io.UncheckedIOException e) { // a state folder that cannot be read or written
            throw new ConfigException(e.getMessage(), e);
        }
    }
}
