package dev.flof.host.config;

import java.util.List;
import java.util.Map;

/**
 * The whole configuration, as records mirroring {@code flof-defaults.yaml}. Built only by
 * {@link ConfigLoader}, which fills every value from the defaults and rejects unknown keys.
 */
public record FlofConfig(Plugins plugins, Engine engine, Predator predator, Risk risk, Protect protect, Venues venues,
                         Backtest backtest, Map<String, InstrumentSpec> instruments, Secrets secrets,
                         dev.flof.host.live.RunnerSettings live) {

    public record Plugins(String dir) {
    }

    /** Extension ids the engine uses; {@code breakerMode} picks the circuit-breaker protocol. */
    /** @param structureParams parameters of the structure engine; {@code flowParams} of the flow engine (their READMEs list them) */
    public record Engine(String structure, String flow, List<String> graders, String sizer, String stopPolicy,
                         String exitManager, BreakerMode breakerMode, Map<String, String> structureParams,
                         Map<String, String> flowParams) {
    }

    /** @param chartTimeframe the timeframe whose closed bars a run hands to the report (candles) */
    public record Backtest(List<String> data, String out, List<String> timeframes, String chartTimeframe) {
    }

    /**
     * The Predator engine's parameters (issue 8). Durations are in the unit their name says.
     *
     * @param haloAtrMultiple k of the volatility halo: POI boundary +- k x ATR(1m)
     * @param haloMinTicks    a fixed floor added to the halo, in ticks (0: the halo is ATR only)
     * @param speedSpikeRatio tape speed over its baseline that enters STALKING from anywhere
     * @param extremeSpeedRatio tape speed over baseline at the tap that routes to the marketable entry
     * @param gradeAPlus      points for A+ (full risk); {@code gradeB} points for B (half risk); below: no trade
     */
    public record Predator(Double haloAtrMultiple, Integer haloMinTicks, Integer atrPeriod, Double speedSpikeRatio,
                           Double extremeSpeedRatio, Integer haloExitMinutes, Integer flowWindowSeconds, Integer sweepLookbackMinutes,
                           Integer entryTimeoutMinutes, Integer marketableCapTicks, Integer gradeAPlus, Integer gradeB,
                           Map<String, MarketProfileSpec> profiles) {
    }

    /**
     * What differs between markets (profiles, not code paths).
     *
     * @param killZones   calendar session names where entries are allowed; {@code name:N} = its first N minutes
     * @param majorPools  pool kinds whose sweep scores the liquidity factor
     * @param strictChoch the marketable route also needs the 1m CHOCH to have started (price beyond the last 1m swing)
     * @param dataWindow  {@code HH:mm-HH:mm} in the calendar's zone outside which no data is streamed; empty = always
     * @param gapAtrMultiple adverse gap beyond the stop the size must survive, in ATR(1m)
     * @param gapMinPoints   floor of that gap, a price distance (the shock lab's gap allowance)
     * @param gapMinPct      floor of that gap in percent of the entry price
     */
    public record MarketProfileSpec(List<String> killZones, List<String> majorPools, Boolean strictChoch, String dataWindow,
                                    Double gapAtrMultiple, String gapMinPoints, Double gapMinPct) {
    }

    /**
     * Risk budget and the circuit breaker's parameters.
     *
     * @param riskFraction     share of equity risked on an A+ setup (B gets half); at most 0.02
     * @param dailyLossLimit   currency amount, or empty to use {@code dailyLossPct} of the starting equity
     * @param maxPositionSize  whole units per symbol or futures root; a symbol without one cannot trade
     * @param breakerParams    extra parameters handed to the circuit breaker as they are
     * @param exitParams       parameters of the exit manager
     */
    public record Risk(Double riskFraction, String dailyLossLimit, Double dailyLossPct, Map<String, String> maxPositionSize,
                       Map<String, String> breakerParams, Map<String, String> exitParams) {
    }

    /**
     * Protections against sudden moves (issue 11, {@code docs/shock-lab.md}), applied by the trading loop and the
     * engine's entry path in backtest, paper and live alike.
     *
     * @param stopEscalationMillis          a triggered-but-unfilled protective stop-limit is replaced by a reduce-only
     *                                      market exit after this long (a rejected stop at once); negative: off
     * @param esNoEntryMinutes              ES: no new entries this long before the maintenance break and the weekend close
     * @param esFlatBeforeWeekend           ES: flat before the weekend (or holiday) close
     * @param esFlattenMinutesBeforeWeekend ES: how long before that close the flatten starts
     * @param newsCalendar                  news blackout calendar file, or empty for none
     * @param cryptoMaxLeverage             crypto: the leverage cap
     * @param cryptoMaintenanceMarginRate   crypto: maintenance margin rate of the liquidation-price estimate
     * @param cryptoLiquidationBuffer       crypto: the liquidation price at least this many stop distances from the entry
     */
    public record Protect(Integer stopEscalationMillis, Integer esNoEntryMinutes, Boolean esFlatBeforeWeekend,
                          Integer esFlattenMinutesBeforeWeekend, String newsCalendar, Integer cryptoMaxLeverage,
                          String cryptoMaintenanceMarginRate, String cryptoLiquidationBuffer) {
    }

    /** The simulated venue's account and fees, per market profile ({@code es}, {@code crypto}). */
    public record Venues(VenueSpec es, VenueSpec crypto) {
    }

    /**
     * @param initialMarginPerContract ES only; {@code commissionPerContract}/{@code exchangeFeePerContract} ES only;
     *                                 {@code makerBps}/{@code takerBps}/{@code leverage} crypto only
     */
    public record VenueSpec(String startingBalance, String currency, Integer sendLatencyUs, Integer ackLatencyUs, Integer slippageTicks,
                            String initialMarginPerContract, String commissionPerContract, String exchangeFeePerContract,
                            String makerBps, String takerBps, String leverage) {
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
