package org.bootproxy.boot;

/** An installer asked for an answer file (or reported built) for a host that is not in build mode. */
public final class NotInBuild extends BootException {
    public NotInBuild(String message) {
        super(message);
    }
}
