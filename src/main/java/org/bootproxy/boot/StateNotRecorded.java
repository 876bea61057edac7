package org.bootproxy.boot;

/**
 * Something bootproxy must keep durably could not be written (disk full, file system read-only): a build report, a
 * discovered machine. Worth waiting out: the client is asked to report again later, so nothing it was told was
 * recorded is lost.
 */
public final class StateNotRecorded extends BootException {
    public StateNotRecorded(String message, Throwable cause) {
        super(message, cause);
    }
}
