package dev.flof.spi.ext;

import java.util.Optional;

/**
 * Credentials, from the environment or an owner-only file. Values must never be logged or put in an
 * exception message; {@code toString()} of implementations must not reveal them.
 */
@FunctionalInterface
public interface SecretSource {
    Optional<String> secret(String name);
}
