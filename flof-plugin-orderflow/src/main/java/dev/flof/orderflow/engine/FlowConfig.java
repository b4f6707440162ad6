package dev.flof.orderflow.engine;

import dev.flof.orderflow.profile.ProfileParams;
import dev.flof.orderflow.profile.ValueAreaRule;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.MarketProfile;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds {@link FlowParams} for one instrument from its market profile's defaults and the config section's
 * overrides. Sizes are written in instrument units (lots for ES, base units for crypto), prices in price units
 * (converted to ticks exactly), windows in seconds. Unknown keys are errors naming the key.
 *
 * <p>Keys: tape-window-seconds, tape-capacity, bar-seconds, footprint-row-ticks, imbalance-ratio, imbalance-min-volume, stack-levels,
 * poc-shift-bars, speed-fast-seconds, speed-slow-seconds, speed-multiple, speed-min-baseline-prints,
 * speed-capacity, large-print-size, absorption-seconds, absorption-ratio, absorption-min-volume,
 * absorption-tolerance, bailout-seconds, bailout-share, flip-seconds, flip-threshold, divergence-reversal,
 * divergence-reversal-bp, divergence-epsilon, value-area, value-area-rule, smooth-half-width, node-window, prominence, lvn-max-poc,
 * zone-fraction, stop-buffer-ticks, profile-row-ticks, history-capacity, history-hours.
 */
public final class FlowConfig {
    public static final Set<String> KEYS = Set.of("tape-window-seconds", "tape-capacity", "bar-seconds",
            "footprint-row-ticks",
            "imbalance-ratio", "imbalance-min-volume", "stack-levels", "poc-shift-bars", "speed-fast-seconds",
            "speed-slow-seconds", "speed-multiple", "speed-min-baseline-prints", "speed-capacity", "large-print-size",
            "absorption-seconds", "absorption-ratio", "absorption-min-volume", "absorption-tolerance",
            "bailout-seconds", "bailout-share", "flip-seconds", "flip-threshold", "divergence-reversal",
            "divergence-reversal-bp", "divergence-epsilon", "value-area", "value-area-rule", "smooth-half-width", "node-window", "prominence",
            "lvn-max-poc", "zone-fraction", "stop-buffer-ticks", "profile-row-ticks", "history-capacity",
            "history-hours");

    private FlowConfig() {
    }

    /** Defaults of a market profile with sizes in fixed-point (1e-9) units. */
    public static FlowParams defaults(MarketProfile profile, long tickFixed) {
        return profile == MarketProfile.ES ? FlowParams.es(Fixed.SCALE)
                : FlowParams.crypto(Fixed.SCALE, Math.max(1, Fixed.SCALE / tickFixed));
    }

    /** Defaults overridden by {@code params}; sizes in fixed-point units, prices in ticks of {@code tickFixed}. */
    public static FlowParams resolve(MarketProfile profile, long tickFixed, Params params) {
        Set<String> unknown = new TreeSet<>(params.values().keySet());
        unknown.removeAll(KEYS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(params.path() + "." + unknown.iterator().next()
                    + ": unknown order-flow parameter (known: " + new TreeSet<>(KEYS) + ")");
        }
        FlowParams d = defaults(profile, tickFixed);
        R r = new R(params, tickFixed);
        ProfileParams pp = d.profile();
        ProfileParams profileParams = new ProfileParams(
                params.decimal("value-area", pp.valueAreaFraction()),
                params.values().containsKey("value-area-rule") ? parseRule(params) : pp.rule(),
                (int) params.integer("smooth-half-width", pp.smoothHalfWidth()),
                (int) params.integer("node-window", pp.extremumTicks()),
                params.decimal("prominence", pp.prominenceFraction()),
                params.decimal("lvn-max-poc", pp.lvnMaxPocFraction()),
                params.decimal("zone-fraction", pp.zoneFraction()),
                (int) params.integer("stop-buffer-ticks", pp.stopBufferTicks()),
                (int) params.integer("profile-row-ticks", pp.rowTicks()));
        return new FlowParams(
                r.seconds("tape-window-seconds", d.tapeWindowNanos()),
                (int) params.integer("tape-capacity", d.tapeCapacity()),
                r.seconds("bar-seconds", d.barNanos()),
                (int) params.integer("footprint-row-ticks", d.footprintRowTicks()),
                params.decimal("imbalance-ratio", d.imbalanceRatio()),
                r.size("imbalance-min-volume", d.imbalanceMinVolume()),
                (int) params.integer("stack-levels", d.stackLevels()),
                (int) params.integer("poc-shift-bars", d.pocShiftBars()),
                r.seconds("speed-fast-seconds", d.speedFastNanos()),
                r.seconds("speed-slow-seconds", d.speedSlowNanos()),
                params.decimal("speed-multiple", d.speedMultiple()),
                params.integer("speed-min-baseline-prints", d.speedMinBaselinePrints()),
                (int) params.integer("speed-capacity", d.speedCapacity()),
                r.size("large-print-size", d.largePrintSize()),
                r.seconds("absorption-seconds", d.absorptionWindowNanos()),
                params.decimal("absorption-ratio", d.absorptionRatio()),
                r.size("absorption-min-volume", d.absorptionMinVolume()),
                r.ticks("absorption-tolerance", d.absorptionToleranceTicks()),
                r.seconds("bailout-seconds", d.bailoutWindowNanos()),
                params.decimal("bailout-share", d.bailoutShare()),
                r.seconds("flip-seconds", d.flipWindowNanos()),
                r.size("flip-threshold", d.flipThreshold()),
                r.ticks("divergence-reversal", d.divergenceReversalTicks()),
                r.size("divergence-epsilon", d.divergenceEpsilon()),
                params.decimal("divergence-reversal-bp", d.divergenceReversalBp()),
                profileParams,
                (int) params.integer("history-capacity", d.historyCapacity()),
                r.seconds("history-hours", d.historyRetentionNanos(), 3600));
    }

    private static ValueAreaRule parseRule(Params p) {
        try {
            return ValueAreaRule.parse(p.string("value-area-rule", "cbot2"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p.path() + ".value-area-rule: " + e.getMessage());
        }
    }

    /** Typed readers that name the key on failure. */
    private record R(Params p, long tickFixed) {
        BigDecimal dec(String key) {
            String v = p.values().get(key);
            try {
                return new BigDecimal(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(p.path() + "." + key + ": expected a decimal, got '" + v + "'");
            }
        }

        long seconds(String key, long dflt) {
            return seconds(key, dflt, 1);
        }

        long seconds(String key, long dflt, long unitSeconds) {
            if (!p.values().containsKey(key)) {
                return dflt;
            }
            try {
                return dec(key).multiply(BigDecimal.valueOf(unitSeconds * 1_000_000_000L)).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(p.path() + "." + key + ": not a whole number of nanoseconds");
            }
        }

        long size(String key, long dflt) {
            if (!p.values().containsKey(key)) {
                return dflt;
            }
            try {
                return Fixed.of(dec(key));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(p.path() + "." + key + ": more than 9 decimal places");
            }
        }

        long ticks(String key, long dflt) {
            if (!p.values().containsKey(key)) {
                return dflt;
            }
            long fixed;
            try {
                fixed = Fixed.of(dec(key));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(p.path() + "." + key + ": more than 9 decimal places");
            }
            if (fixed % tickFixed != 0) {
                throw new IllegalArgumentException(p.path() + "." + key + ": " + dec(key).toPlainString()
                        + " is not a whole number of ticks (" + Fixed.format(tickFixed) + ")");
            }
            return fixed / tickFixed;
        }
    }
}
