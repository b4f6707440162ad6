package dev.flof.host.engine;

import dev.flof.host.config.FlofConfig;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's parameters for one market profile, resolved from the configuration (one place for defaults:
 * {@code flof-defaults.yaml}). Durations are in nanoseconds here.
 *
 * @param dataStart start of the data window in the calendar's zone, or null for always streaming
 * @param dataEnd   end of the data window (exclusive)
 * @param gapAtrMultiple adverse gap beyond the stop that sizing must survive, in ATR(1m)
 * @param gapMinDistance floor of that gap, fixed-point price distance (the shock lab's gap allowance, e.g. 10 ES points)
 * @param gapMinPct      floor of that gap in percent of the entry price (e.g. 1 % for BTC)
 */
public record PredatorSettings(double haloAtrMultiple, int haloMinTicks, int atrPeriod, double speedSpikeRatio,
                               double extremeSpeedRatio, long haloExitNanos, long flowWindowNanos, long sweepLookbackNanos,
                               long entryTimeoutNanos, int marketableCapTicks, int gradeAPlus, int gradeB,
                               double riskFraction, List<KillZone> killZones, Set<String> majorPools, boolean strictChoch,
                               LocalTime dataStart, LocalTime dataEnd, double gapAtrMultiple,
                               long gapMinDistance, double gapMinPct) {
    private static final long MINUTE = 60_000_000_000L;

    public PredatorSettings {
        killZones = List.copyOf(killZones);
        majorPools = Set.copyOf(new TreeSet<>(majorPools));
    }

    /** The settings of {@code profile} ({@code es} or {@code crypto}) from a loaded configuration. */
    public static PredatorSettings from(FlofConfig config, String profile) {
        FlofConfig.Predator p = config.predator();
        FlofConfig.MarketProfileSpec m = p.profiles().get(profile.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new IllegalArgumentException("no predator.profiles." + profile.toLowerCase(Locale.ROOT) + " in the configuration");
        }
        LocalTime start = null;
        LocalTime end = null;
        if (!m.dataWindow().isEmpty()) {
            String[] parts = m.dataWindow().split("-");
            start = LocalTime.parse(parts[0]);
            end = parts[1].equals("24:00") ? LocalTime.MAX : LocalTime.parse(parts[1]);
        }
        return new PredatorSettings(p.haloAtrMultiple(), p.haloMinTicks(), p.atrPeriod(), p.speedSpikeRatio(),
                p.extremeSpeedRatio(), p.haloExitMinutes() * MINUTE, p.flowWindowSeconds() * 1_000_000_000L,
                p.sweepLookbackMinutes() * MINUTE, p.entryTimeoutMinutes() * MINUTE, p.marketableCapTicks(),
                p.gradeAPlus(), p.gradeB(), config.risk().riskFraction(),
                m.killZones().stream().map(KillZone::parse).toList(), Set.copyOf(m.majorPools()), m.strictChoch(),
                start, end, m.gapAtrMultiple(), dev.flof.spi.market.Fixed.parse(m.gapMinPoints()), m.gapMinPct());
    }

    /** A copy with another halo (tests compare an ATR halo with a fixed one). */
    public PredatorSettings withHalo(double atrMultiple, int minTicks) {
        return new PredatorSettings(atrMultiple, minTicks, atrPeriod, speedSpikeRatio, extremeSpeedRatio, haloExitNanos,
                flowWindowNanos, sweepLookbackNanos, entryTimeoutNanos, marketableCapTicks, gradeAPlus, gradeB, riskFraction,
                killZones, majorPools, strictChoch, dataStart, dataEnd, gapAtrMultiple, gapMinDistance, gapMinPct);
    }

    /** A copy with other kill zones. */
    public PredatorSettings withKillZones(List<KillZone> zones) {
        return new PredatorSettings(haloAtrMultiple, haloMinTicks, atrPeriod, speedSpikeRatio, extremeSpeedRatio, haloExitNanos,
                flowWindowNanos, sweepLookbackNanos, entryTimeoutNanos, marketableCapTicks, gradeAPlus, gradeB, riskFraction,
                zones, majorPools, strictChoch, dataStart, dataEnd, gapAtrMultiple, gapMinDistance, gapMinPct);
    }

    /** A copy with the strict-CHOCH rule of the crypto profile on or off. */
    public PredatorSettings withStrictChoch(boolean strict) {
        return new PredatorSettings(haloAtrMultiple, haloMinTicks, atrPeriod, speedSpikeRatio, extremeSpeedRatio, haloExitNanos,
                flowWindowNanos, sweepLookbackNanos, entryTimeoutNanos, marketableCapTicks, gradeAPlus, gradeB, riskFraction,
                killZones, majorPools, strict, dataStart, dataEnd, gapAtrMultiple, gapMinDistance, gapMinPct);
    }

    /**
     * The adverse gap beyond the stop the size must survive: the largest of {@code gapAtrMultiple} x ATR(1m), the
     * fixed floor and the percentage floor of the entry price (fixed-point price distance). The floors are the shock
     * lab's gap allowance, so a quiet ATR does not shrink the allowance below what a CPI print or a Sunday open gaps.
     */
    public long gapAllowance(long atr, long entryPrice) {
        long byAtr = Math.round(gapAtrMultiple * atr);
        long byPct = Math.round(Math.abs((double) entryPrice) * gapMinPct / 100.0);
        return Math.max(byAtr, Math.max(gapMinDistance, byPct));
    }

    /** Grade letter for the points: A+, B or C (no trade). */
    public String grade(int points) {
        return points >= gradeAPlus ? "A+" : points >= gradeB ? "B" : "C";
    }

    /** The sizer's grade weight: 1.0 for A+, 0.5 for B, 0 for no trade. */
    public double gradeWeight(int points) {
        return points >= gradeAPlus ? 1.0 : points >= gradeB ? 0.5 : 0.0;
    }
}
