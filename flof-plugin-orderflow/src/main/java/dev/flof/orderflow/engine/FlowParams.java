package dev.flof.orderflow.engine;

import dev.flof.orderflow.profile.ProfileParams;
import dev.flof.orderflow.profile.ValueAreaRule;
import java.time.Duration;

/**
 * Every order-flow parameter of the spec (F1-F13), resolved for one instrument: sizes in the engine's size units
 * (whatever unit trade sizes use - lots in tests, fixed-point 1e-9 through the SPI), prices in ticks, windows in
 * nanoseconds. {@link #es(long)} and {@link #crypto(long, long)} are the defaults per market profile; the plugin
 * overrides any of them from the configuration (see {@code FlowConfig}).
 */
public record FlowParams(
        long tapeWindowNanos, int tapeCapacity, long barNanos, int footprintRowTicks,
        double imbalanceRatio, long imbalanceMinVolume, int stackLevels, int pocShiftBars,
        long speedFastNanos, long speedSlowNanos, double speedMultiple, long speedMinBaselinePrints, int speedCapacity,
        long largePrintSize,
        long absorptionWindowNanos, double absorptionRatio, long absorptionMinVolume, long absorptionToleranceTicks,
        long bailoutWindowNanos, double bailoutShare,
        long flipWindowNanos, long flipThreshold,
        long divergenceReversalTicks, long divergenceEpsilon, double divergenceReversalBp,
        ProfileParams profile, int historyCapacity, long historyRetentionNanos) {

    public FlowParams {
        positive("tape window", tapeWindowNanos);
        positive("bar length", barNanos);
        positive("footprint row ticks", footprintRowTicks);
        positive("imbalance ratio", imbalanceRatio);
        positive("stack levels", stackLevels);
        positive("POC shift bars", pocShiftBars);
        positive("large print size", largePrintSize);
        positive("absorption window", absorptionWindowNanos);
        positive("bailout window", bailoutWindowNanos);
        positive("flip window", flipWindowNanos);
        positive("flip threshold", flipThreshold);
        positive("divergence reversal", divergenceReversalTicks);
        if (!(divergenceReversalBp >= 0) || Double.isInfinite(divergenceReversalBp)) {
            throw new IllegalArgumentException("divergence reversal bp must be 0 or positive, got " + divergenceReversalBp);
        }
        if (!(bailoutShare > 0.5 && bailoutShare <= 1)) {
            throw new IllegalArgumentException("bailout share must be in (0.5, 1], got " + bailoutShare);
        }
        if (tapeWindowNanos < Math.max(absorptionWindowNanos, Math.max(bailoutWindowNanos, speedFastNanos))) {
            throw new IllegalArgumentException("tape window must cover the absorption, bailout and fast speed windows");
        }
    }

    private static void positive(String what, double v) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(what + " must be positive, got " + v);
        }
    }

    private static final long S = 1_000_000_000L;

    /** ES defaults; {@code lot} = the size units of one contract (1 for plain lots, 1e9 for fixed-point). */
    public static FlowParams es(long lot) {
        return new FlowParams(60 * S, 1 << 16, 60 * S, 1,
                3.0, 10 * lot, 3, 2,
                10 * S, 3600 * S, 4.0, 100, 1 << 21,
                200 * lot,
                10 * S, 3.0, 100 * lot, 1,
                10 * S, 0.80,
                5 * S, 10 * lot,
                4, 0, 0,
                ProfileParams.defaults(), 1 << 21, Duration.ofHours(48).toNanos());
    }

    /**
     * Crypto defaults for BTC-like instruments; {@code unit} = one whole base unit in size units,
     * {@code ticksPerPoint} = ticks in one quote-currency unit (100 for a 0.01 tick); profile rows are one
     * quote-currency unit wide, and so are footprint rows.
     */
    public static FlowParams crypto(long unit, long ticksPerPoint) {
        return new FlowParams(60 * S, 1 << 17, 60 * S, (int) Math.min(Integer.MAX_VALUE, ticksPerPoint),
                3.0, unit / 10, 3, 2,
                10 * S, 3600 * S, 4.0, 100, 1 << 22,
                5 * unit,
                10 * S, 3.0, 2 * unit, ticksPerPoint,
                10 * S, 0.80,
                5 * S, unit,
                1, 0, 2.0,
                ProfileParams.defaults().withRowTicks((int) Math.min(Integer.MAX_VALUE, ticksPerPoint)), 1 << 22, Duration.ofHours(48).toNanos());
    }

    public FlowParams withProfile(ProfileParams p) {
        return new FlowParams(tapeWindowNanos, tapeCapacity, barNanos, footprintRowTicks, imbalanceRatio, imbalanceMinVolume, stackLevels,
                pocShiftBars, speedFastNanos, speedSlowNanos, speedMultiple, speedMinBaselinePrints, speedCapacity,
                largePrintSize, absorptionWindowNanos, absorptionRatio, absorptionMinVolume, absorptionToleranceTicks,
                bailoutWindowNanos, bailoutShare, flipWindowNanos, flipThreshold, divergenceReversalTicks,
                divergenceEpsilon, divergenceReversalBp, p, historyCapacity, historyRetentionNanos);
    }

    public FlowParams withValueAreaRule(ValueAreaRule r) {
        return withProfile(profile.withRule(r));
    }
}
