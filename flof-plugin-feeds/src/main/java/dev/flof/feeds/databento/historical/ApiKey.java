package dev.flof.feeds.databento.historical;

import dev.flof.spi.ext.SecretSource;
import java.util.Objects;
import java.util.Optional;

/**
 * A Databento API key. Wrapped in its own type so that it can travel through configuration records,
 * exception messages and logs without ever being printed: {@link #toString()} is redacted, and only
 * the protocol code that needs the secret calls {@link #reveal()}.
 */
public final class ApiKey {
    /** The environment variable (secret name) the key is read from. */
    public static final String ENV_NAME = "DATABENTO_API_KEY";

    private final String value;

    private ApiKey(String value) {
        this.value = value;
    }

    /**
     * @throws IllegalArgumentException when the key is empty, contains whitespace or control characters or
     *                                  is too short to carry a 5-character bucket id (the message never
     *                                  contains the key)
     */
    public static ApiKey of(String value) {
        Objects.requireNonNull(value, "api key");
        if (value.length() < 5) {
            throw new IllegalArgumentException("Databento API key is too short (" + value.length()
                    + " characters; keys are 32)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c >= 0x7f || c == '|') {
                throw new IllegalArgumentException("Databento API key contains an invalid character at position " + i);
            }
        }
        return new ApiKey(value);
    }

    /** The key from {@link #ENV_NAME} of {@code secrets}, if set and non-blank. */
    public static Optional<ApiKey> from(SecretSource secrets) {
        return secrets.secret(ENV_NAME).map(String::trim).filter(s -> !s.isEmpty()).map(ApiKey::of);
    }

    /** The secret itself; for the HTTP Authorization header and the live CRAM answer only. */
    public String reveal() {
        return value;
    }

    /** The live gateway's bucket id: the last five characters of the key (sent in clear by the protocol). */
    public String bucketId() {
        return value.substring(value.length() - 5);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey k && k.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }
}
