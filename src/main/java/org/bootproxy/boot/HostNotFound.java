package org.bootproxy.boot;

/** No host matches the request (unknown MAC, bad token, no IP match). iPXE then tries its next NIC. */
public final class HostNotFound extends BootException {
    public HostNotFound(String message) {
        super(message);
    }
}
