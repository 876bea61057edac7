package org.bootproxy.smartproxy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * One attempt to download a boot file of one URL scheme (http(s), ftp) for {@link BootFileFetcher}, with what
 * smart-proxy's curl call asks of it: only when the server's copy is newer than the local one
 * ({@code --time-cond}), keeping the server's modification time ({@code --remote-time}).
 */
interface BootFileSource {

    /** How an attempt ended when it did not fail. */
    enum Outcome {
        /** the file is in {@code temp}, with the server's modification time when it has one */
        DONE,
        /** the local copy is as new as the server's: nothing downloaded */
        UP_TO_DATE
    }

    /** A failure worth another attempt: a timeout, a dropped connection, a busy or failing server. */
    final class Retryable extends Exception {
        Retryable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Downloads {@code url} into {@code temp}, unless {@code target} (when it exists) is as new as the server's copy.
     *
     * @throws Retryable   for a failure worth another attempt
     * @throws IOException for one that is not (the file is missing, the login is refused)
     */
    Outcome fetch(URI url, Path target, Path temp) throws IOException, InterruptedException, Retryable;
}
