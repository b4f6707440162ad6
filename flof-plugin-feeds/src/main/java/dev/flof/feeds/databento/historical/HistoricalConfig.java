package dev.flof.feeds.databento.historical;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the historical client talks to Databento. {@code toString()} shows the key redacted
 * ({@link ApiKey#toString()}), so the config can be logged.
 *
 * @param baseUrl        {@code https://hist.databento.com} in production, a loopback server in tests
 * @param apiKey         HTTP Basic user name (password empty)
 * @param requestTimeout time to the response headers (the body of get_range streams without a limit)
 * @param retry          retry policy for 429 and 5xx
 */
public record HistoricalConfig(URI baseUrl, ApiKey apiKey, Duration requestTimeout, RetryPolicy retry) {
    public static final URI DEFAULT_BASE_URL = URI.create("https://hist.databento.com");

    public HistoricalConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        String scheme = baseUrl.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme)) {
            throw new IllegalArgumentException("base URL must be http(s): " + baseUrl);
        }
        if (baseUrl.getRawUserInfo() != null) {
            throw new IllegalArgumentException("base URL must not carry credentials");
        }
    }

    /** Production URL, 100 s timeout (as the official C++ client), default retries. */
    public static HistoricalConfig of(ApiKey apiKey) {
        return new HistoricalConfig(DEFAULT_BASE_URL, apiKey, Duration.ofSeconds(100), RetryPolicy.DEFAULT);
    }

    public HistoricalConfig withBaseUrl(URI url) {
        return new HistoricalConfig(url, apiKey, requestTimeout, retry);
    }

    public HistoricalConfig withRetry(RetryPolicy policy) {
        return new HistoricalConfig(baseUrl, apiKey, requestTimeout, policy);
    }
}
