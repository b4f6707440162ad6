package dev.flof.risk.exits;

import dev.flof.risk.Ticks;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.StopPolicy;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.risk.ProtectionPlan;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.LiquidityPool;
import dev.flof.spi.structure.MarketMap;
import dev.flof.spi.structure.PointOfInterest;
import java.util.Optional;

/**
 * "Shield and Moat" (issue 9): the POI's order block is the high-volume shield; the low-volume node just beyond
 * it is the moat price crosses quickly if the shield fails. The hard stop sits beyond the moat:
 * <b>far edge of the nearest LVN zone beyond the POI − 0.5 × ATR(1m)</b> for a long (+ for a short), rounded
 * away from the market to the tick. Without a usable LVN (no flow engine, empty profile, no zone beyond the POI)
 * it falls back to the POI edge − 0.5 × ATR; without a POI, or when the POI-based stop would not be beyond the
 * entry, to the setup's own stop − 0.5 × ATR. The reason always says which rule placed the stop. A setup whose own
 * stop is not beyond its entry is refused with an {@link IllegalArgumentException} (never an unprotected bracket).
 * <p>Which POI: {@code extra.poiId} if the engine gave it, else the POI of the setup's direction containing the
 * entry, else the nearest one on the protective side of the entry. The structural leg whose profile is read:
 * {@code extra.legFromNanos}..{@code extra.legToNanos} if given, else the {@value #LEG_BARS} bars of the POI's
 * timeframe that ended when the POI became known.
 * <p>The first target (sent in the bracket, the runner's target if FLOF dies) is the nearest ACTIVE opposing
 * liquidity pool more than {@value #MIN_TARGET_R}R away (so the exit manager's 2R scale-out comes first), else
 * entry ± {@value #FALLBACK_TARGET_R}R. The StopPolicy extension point has no parameters, so these are fixed.
 */
@org.pf4j.Extension
public final class LvnMoatStopPolicy implements StopPolicy {
    public static final String ID = "lvn-moat";
    static final int LEG_BARS = 20;
    static final double MIN_TARGET_R = 2.0;
    static final double FALLBACK_TARGET_R = 3.0;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "hard stop beyond the LVN moat past the POI minus 0.5 ATR; fallback POI edge minus 0.5 ATR";
    }

    @Override
    public ProtectionPlan protect(Setup setup, Instrument ins, MarketMap map, FlowAnalyzer.Engine flow, long atr1m) {
        boolean isLong = setup.direction() == Side.BUY;
        if (!isLong && setup.direction() != Side.SELL) {
            throw new IllegalArgumentException("setup " + setup.id() + " has no direction (" + setup.direction() + ")");
        }
        long buffer = Math.max(0, atr1m) / 2;
        String atrNote = "0.5 x ATR " + Fixed.format(Math.max(0, atr1m));
        Optional<PointOfInterest> poi = findPoi(setup, map, isLong);
        long raw;
        String reason;
        if (poi.isEmpty()) {
            raw = isLong ? setup.stopPrice() - buffer : setup.stopPrice() + buffer;
            reason = "fallback: no POI for setup " + setup.id() + "; setup stop " + Fixed.format(setup.stopPrice())
                    + (isLong ? " - " : " + ") + atrNote;
        } else {
            PointOfInterest z = poi.get();
            long edge = isLong ? z.bottom() : z.top();
            String why;
            Optional<long[]> moat = Optional.empty();
            if (flow == null) {
                why = "no flow engine";
            } else {
                long[] leg = legWindow(setup, z);
                VolumeProfile vp = flow.profile(leg[0], leg[1]);
                if (vp == null || vp.totalVolume() <= 0) {
                    why = "no volume in the leg " + leg[0] + ".." + leg[1];
                } else {
                    moat = nearestZoneBeyond(vp, edge, isLong);
                    why = moat.isEmpty() ? "leg profile has no LVN zone beyond the POI edge " + Fixed.format(edge) : "";
                }
            }
            if (moat.isPresent()) {
                long[] m = moat.get();
                long far = isLong ? m[0] : m[1];
                raw = isLong ? far - buffer : far + buffer;
                reason = "beyond LVN zone " + Fixed.format(m[0]) + "-" + Fixed.format(m[1]) + " past POI " + z.id()
                        + (isLong ? " - " : " + ") + atrNote;
            } else {
                raw = isLong ? edge - buffer : edge + buffer;
                reason = "fallback (" + why + "): POI " + z.id() + " edge " + Fixed.format(edge)
                        + (isLong ? " - " : " + ") + atrNote;
            }
        }
        long stop = isLong ? Ticks.floor(raw, ins.tickSize()) : Ticks.ceil(raw, ins.tickSize());
        if (!protective(stop, setup.entryPrice(), isLong) && poi.isPresent()) {
            // the entry is not on the near side of the POI (e.g. an engine-named POI the price already left)
            long alt = isLong ? Ticks.floor(setup.stopPrice() - buffer, ins.tickSize())
                    : Ticks.ceil(setup.stopPrice() + buffer, ins.tickSize());
            reason = "fallback: " + reason + " = " + Fixed.format(stop) + " is not beyond entry "
                    + Fixed.format(setup.entryPrice()) + "; setup stop " + Fixed.format(setup.stopPrice())
                    + (isLong ? " - " : " + ") + atrNote;
            stop = alt;
        }
        if (!protective(stop, setup.entryPrice(), isLong)) {
            throw new IllegalArgumentException("setup " + setup.id() + ": no protective stop: " + Fixed.format(stop)
                    + " is not beyond entry " + Fixed.format(setup.entryPrice()) + " (" + reason + ")");
        }
        long risk = Math.abs(setup.entryPrice() - stop);
        long target = target(setup, map, ins, isLong, risk);
        return new ProtectionPlan(stop, target, reason + " = " + Fixed.format(stop));
    }

    private static boolean protective(long stop, long entry, boolean isLong) {
        return isLong ? stop < entry : stop > entry;
    }

    private static Optional<PointOfInterest> findPoi(Setup s, MarketMap map, boolean isLong) {
        if (map == null) {
            return Optional.empty();
        }
        String id = s.extra().get("poiId");
        if (id != null) {
            for (PointOfInterest p : map.pois()) {
                if (p.id().equals(id)) {
                    return Optional.of(p);
                }
            }
        }
        int dir = isLong ? 1 : -1;
        PointOfInterest best = null;
        for (PointOfInterest p : map.pois()) {
            if (p.direction() != dir) {
                continue;
            }
            if (p.contains(s.entryPrice())) {
                return Optional.of(p);
            }
            boolean protective = isLong ? p.top() < s.entryPrice() : p.bottom() > s.entryPrice();
            if (protective && (best == null || (isLong ? p.top() > best.top() : p.bottom() < best.bottom()))) {
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    private static long[] legWindow(Setup s, PointOfInterest z) {
        String from = s.extra().get("legFromNanos");
        String to = s.extra().get("legToNanos");
        if (from != null && to != null) {
            try {
                return new long[] {Long.parseLong(from.trim()), Long.parseLong(to.trim())};
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setup " + s.id() + ": legFromNanos/legToNanos must be integers, got '"
                        + from + "', '" + to + "'", e);
            }
        }
        long len = z.timeframe().nominal().toNanos() * LEG_BARS;
        return new long[] {z.knownTime() - len, z.knownTime()};
    }

    /** The LVN zone beyond the POI edge closest to it: for a long, a zone starting below the edge, highest first. */
    static Optional<long[]> nearestZoneBeyond(VolumeProfile vp, long edge, boolean isLong) {
        long[] best = null;
        for (long[] z : vp.lvnZones()) {
            if (z == null || z.length < 2) {
                continue;
            }
            long lo = Math.min(z[0], z[1]);
            long hi = Math.max(z[0], z[1]);
            if (isLong ? lo >= edge : hi <= edge) {
                continue;
            }
            if (best == null || (isLong ? (hi > best[1] || (hi == best[1] && lo > best[0]))
                                        : (lo < best[0] || (lo == best[0] && hi < best[1])))) {
                best = new long[] {lo, hi};
            }
        }
        return Optional.ofNullable(best);
    }

    private static long target(Setup s, MarketMap map, Instrument ins, boolean isLong, long risk) {
        long min = isLong ? s.entryPrice() + Math.round(MIN_TARGET_R * risk) : s.entryPrice() - Math.round(MIN_TARGET_R * risk);
        Long best = null;
        if (map != null) {
            for (LiquidityPool p : map.pools()) {
                if (!"ACTIVE".equals(p.state()) || p.side() != (isLong ? 1 : -1)) {
                    continue;
                }
                long px = isLong ? Ticks.floor(p.price(), ins.tickSize()) : Ticks.ceil(p.price(), ins.tickSize());
                if (isLong ? px > min : px < min) {
                    if (best == null || (isLong ? px < best : px > best)) {
                        best = px;
                    }
                }
            }
        }
        if (best != null) {
            return best;
        }
        long d = Math.round(FALLBACK_TARGET_R * risk);
        return isLong ? Ticks.floor(s.entryPrice() + d, ins.tickSize()) : Ticks.ceil(s.entryPrice() - d, ins.tickSize());
    }
}
