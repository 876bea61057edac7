package org.bootproxy.boot;

/** Base of the domain's typed failures; the transports map each subclass to an answer once. */
public abstract class BootException extends RuntimeException {
    protected BootException(String message) {
        super(message);
    }

    protected BootException(String message, Throwable cause) {
        super(message, cause);
    }
}
