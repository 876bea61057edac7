package org.bootproxy.boot;

/** The host's build token expired (Foreman's token_duration): Foreman answers 401 and so does bootproxy. */
public final class TokenExpired extends BootException {
    public TokenExpired(String message) {
        super(message);
    }
}
