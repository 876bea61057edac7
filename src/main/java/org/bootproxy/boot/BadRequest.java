package org.bootproxy.boot;

/** The client's request cannot be answered as asked (unknown kind, missing template name). */
public final class BadRequest extends BootException {
    public BadRequest(String message) {
        super(message);
    }
}
