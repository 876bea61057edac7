package org.bootproxy.boot;

/** The inventory backend could not answer (timeout, refused, 5xx, unreadable data). Worth waiting out. */
public final class UpstreamUnavailable extends BootException {
    public UpstreamUnavailable(String message) {
        super(message);
    }

    public UpstreamUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
