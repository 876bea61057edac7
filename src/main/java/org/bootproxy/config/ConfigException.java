package org.bootproxy.config;

/**
 * A configuration mistake, worded for the operator: it names the key (and file/line when known),
 * what was wrong and what is allowed. Start-up stops with this message and exit code 2.
 */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
