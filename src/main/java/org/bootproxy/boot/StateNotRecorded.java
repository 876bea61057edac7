package org.bootproxy.boot;

/**
 * The build state store could not record a report (disk full, file system read-only). Worth waiting out: the
 * installer is asked to report again later, and the host stays in build until a report is recorded.
 */
public final class StateNotRecorded extends BootException {
    public StateNotRecorded(String message, Throwable cause) {
        super(message, cause);
    }
}
