package dev.flof.host.config;

import java.util.List;
import java.util.Map;

/**
 * The whole configuration, as records mirroring {@code flof-defaults.yaml}. Built only by
 * {@link ConfigLoader}, which fills every value from the defaults and rejects unknown keys.
 */
public record FlofConfig(Plugins plugins, Engine engine, Backtest backtest, Map<String, InstrumentSpec> instruments,
                         Secrets secrets) {

    public record Plugins(String dir) {
    }

    /** Extension ids the engine uses; {@code breakerMode} picks the circuit-breaker protocol. */
    public record Engine(String structure, String flow, List<String> graders, String sizer, String stopPolicy,
                         String exitManager, BreakerMode breakerMode) {
    }

    public record Backtest(List<String> data, String out, List<String> timeframes) {
    }

    public record InstrumentSpec(String venue, String tickSize, String pointValue, String lotSize, String profile,
                                 String calendar) {
    }

    public record Secrets(String file) {
    }

    /** The circuit-breaker protocols of the risk design, each a breaker extension id. */
    public enum BreakerMode {
        OCO("oco"), FLATTEN("overlord"), QUARANTINE("quarantine"), LAYERED("layered");

        private final String extensionId;

        BreakerMode(String extensionId) {
            this.extensionId = extensionId;
        }

        public String extensionId() {
            return extensionId;
        }
    }
}
