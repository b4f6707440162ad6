package dev.flof.host.config;

import dev.flof.host.FlofException;

/** A configuration error: the message names the file, the key path and what was expected. */
public final class ConfigException extends FlofException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
