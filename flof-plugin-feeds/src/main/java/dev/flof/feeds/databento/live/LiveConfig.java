package dev.flof.feeds.databento.live;

import dev.flof.feeds.databento.historical.ApiKey;
import dev.flof.feeds.databento.historical.RetryPolicy;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of a live gateway session. {@code toString()} redacts the key.
 *
 * @param dataset            e.g. {@code GLBX.MDP3}
 * @param host               gateway host; {@link #gatewayHost(String)} in production, loopback in tests
 * @param port               13000 in production
 * @param apiKey             for the CRAM answer
 * @param zstd               ask for zstd compression of the DBN stream
 * @param tsOut              ask for the gateway send time after each record
 * @param heartbeatIntervalS seconds between gateway heartbeats when idle; 0 = gateway default (30 s)
 * @param deadAfter          silence after which the connection is declared dead; the protocol rule is
 *                           heartbeat interval + 5 s (see {@link #defaultDeadAfter(int)})
 * @param connectTimeout     TCP connect and handshake timeout
 * @param reconnect          backoff between reconnect attempts; {@code maxAttempts} consecutive failures end the client
 * @param clientName         the {@code client=} user agent
 */
public record LiveConfig(String dataset, String host, int port, ApiKey apiKey, boolean zstd, boolean tsOut,
                         int heartbeatIntervalS, Duration deadAfter, Duration connectTimeout, RetryPolicy reconnect,
                         String clientName) {
    public static final int DEFAULT_PORT = 13000;
    /** The gateway's heartbeat interval when the client does not choose one. */
    public static final int DEFAULT_HEARTBEAT_S = 30;

    public LiveConfig {
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(deadAfter, "deadAfter");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(reconnect, "reconnect");
        Objects.requireNonNull(clientName, "clientName");
        if (dataset.isBlank() || dataset.indexOf('|') >= 0) {
            throw new IllegalArgumentException("invalid dataset '" + dataset + "'");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (heartbeatIntervalS < 0) {
            throw new IllegalArgumentException("heartbeat interval must be >= 0 s, got " + heartbeatIntervalS);
        }
        if (deadAfter.isNegative() || deadAfter.isZero()) {
            throw new IllegalArgumentException("deadAfter must be positive");
        }
    }

    /** Production settings for {@code dataset}: the dataset's gateway, zstd, 30 s heartbeats, dead after 35 s. */
    public static LiveConfig of(String dataset, ApiKey key) {
        return new LiveConfig(dataset, gatewayHost(dataset), DEFAULT_PORT, key, true, false, 0,
                defaultDeadAfter(0), Duration.ofSeconds(10),
                new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1)),
                "FLOF-databento-java/0.1");
    }

    /** {@code GLBX.MDP3} → {@code glbx-mdp3.lsg.databento.com}. */
    public static String gatewayHost(String dataset) {
        return dataset.toLowerCase(Locale.ROOT).replace('.', '-') + ".lsg.databento.com";
    }

    /** Heartbeat interval (gateway default when 0) plus the 5 s margin of the official clients. */
    public static Duration defaultDeadAfter(int heartbeatIntervalS) {
        return Duration.ofSeconds((heartbeatIntervalS == 0 ? DEFAULT_HEARTBEAT_S : heartbeatIntervalS) + 5L);
    }

    public LiveConfig withGateway(String newHost, int newPort) {
        return new LiveConfig(dataset, newHost, newPort, apiKey, zstd, tsOut, heartbeatIntervalS, deadAfter,
                connectTimeout, reconnect, clientName);
    }

    public LiveConfig withZstd(boolean value) {
        return new LiveConfig(dataset, host, port, apiKey, value, tsOut, heartbeatIntervalS, deadAfter,
                connectTimeout, reconnect, clientName);
    }

    /** Sets the heartbeat interval and the matching dead-after (interval + 5 s). */
    public LiveConfig withHeartbeat(int intervalS) {
        return new LiveConfig(dataset, host, port, apiKey, zstd, tsOut, intervalS, defaultDeadAfter(intervalS),
                connectTimeout, reconnect, clientName);
    }

    /** Overrides the silence limit (tests, or a tighter watchdog than the protocol's). */
    public LiveConfig withDeadAfter(Duration value) {
        return new LiveConfig(dataset, host, port, apiKey, zstd, tsOut, heartbeatIntervalS, value,
                connectTimeout, reconnect, clientName);
    }

    public LiveConfig withReconnect(RetryPolicy value) {
        return new LiveConfig(dataset, host, port, apiKey, zstd, tsOut, heartbeatIntervalS, deadAfter,
                connectTimeout, value, clientName);
    }

    /** The auth request line (§8 step 3) for {@code challenge}, without the trailing newline. */
    String authLine(String challenge) {
        StringBuilder sb = new StringBuilder()
                .append("auth=").append(Cram.response(challenge, apiKey))
                .append("|dataset=").append(dataset)
                .append("|encoding=dbn")
                .append("|ts_out=").append(tsOut ? 1 : 0)
                .append("|compression=").append(zstd ? "zstd" : "none")
                .append("|client=").append(clientName);
        if (heartbeatIntervalS > 0) {
            sb.append("|heartbeat_interval_s=").append(heartbeatIntervalS);
        }
        return sb.toString();
    }
}
