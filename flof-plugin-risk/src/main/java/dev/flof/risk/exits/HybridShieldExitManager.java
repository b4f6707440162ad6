package dev.flof.risk.exits;

import dev.flof.risk.ParamKeys;
import dev.flof.risk.Ticks;
import dev.flof.spi.event.Event;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.structure.LiquidityPool;
import dev.flof.spi.structure.MarketMap;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The default exit of issue 9, "Hybrid Shield": phase 1, the free trade. When price reaches the phase-1 level,
 * {@code phase1Fraction} (50 %) of the <b>actual</b> position leaves with a reduce-only market order, whatever
 * order flow says, and the stop on the rest moves to breakeven + 1 tick, or one tick behind the nearest LVN zone the
 * trade has left behind if that is tighter (only if it tightens the resting stop). Once the
 * exit has filled, the resting stop is resized to what is left, so the runner is never over- or under-covered.
 * With a one-lot position nothing can be split: the stop still moves to breakeven + 1 tick.
 * <p>The phase-1 level ({@code phase1At}): {@code 2r} = average ± {@code phase1R} × 1R; {@code liquidity} = the
 * nearest ACTIVE opposing liquidity pool of {@code liquidityTimeframe} beyond the entry (the 15-minute opposing
 * swing), falling back to 2R; {@code nearer} (default) = whichever of the two is closer. The level is fixed the
 * first time the position is seen, from the map as it then was (no look-ahead, no drifting target).
 * <p>Params (defaults): {@code phase1At} nearer, {@code phase1R} 2.0, {@code phase1Fraction} 0.5,
 * {@code liquidityTimeframe} 15m.
 * <p><b>Tape-failure bailout</b> (before phase 1, when {@code bailout}, true): a print inside the lower quadrant of
 * the shield (the POI block of the position's direction that holds the entry, found in the map when the position
 * is first seen) while the flow snapshot shows tape speed at least {@code bailoutSpeedRatio} (4.0, the "+300 %"
 * spike) x baseline and at least {@code bailoutShare} (0.8) of the volume against the position: the whole position
 * exits at market before the hard stop is hit. No POI in the map, no bailout.
 * <p><b>Phase 2, the runner</b> (after phase 1): on the {@code trailTimeframe} (5m) chart, swings of
 * {@code swingStrength} (2) bars each side; after each break of structure in the trade's direction the stop moves
 * one tick behind the nearest LVN zone of the new leg (never loosening). A counter CHOCH is real when the tape
 * spikes ({@code chochSpeedRatio} 4.0 x baseline) with one-sided aggression ({@code chochShare} 0.8 against the
 * position): the runner exits at market; otherwise it is held as a pullback or sweep.
 * <p><b>Phase 3, climax exit</b> (see {@link ClimaxWatch}): inside the macro target zone (within {@code climaxZoneR}
 * (0.5) x 1R of the nearest ACTIVE daily pool or 4H opposing POI beyond the entry, from the map when the position
 * opened), a large counter print ({@code largePrintFactor} (10) x the mean print) or absorption against the position
 * ({@code absorptionShare} (0.7) of {@code absorptionSeconds} (30) of prints pushing with it, at least
 * {@code climaxMinTrades} (20), and no new extreme in the window's second half) exits the runner at market.
 */
@org.pf4j.Extension
public final class HybridShieldExitManager implements ExitManager {
    public static final String ID = "hybrid-shield";
    static final ParamKeys KEYS = new ParamKeys(
            java.util.Set.of("phase1At", "phase1R", "phase1Fraction", "liquidityTimeframe", "bailout", "bailoutShare",
                    "bailoutSpeedRatio", "trailTimeframe", "swingStrength", "chochSpeedRatio", "chochShare", "climaxZoneR", "largePrintFactor", "absorptionSeconds", "absorptionShare",
                    "climaxMinTrades"), java.util.Set.of());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Hybrid Shield phase 1: 50 % out at 2R or internal liquidity, stop to breakeven + 1 tick";
    }

    @Override
    public Manager open(Instrument instrument, Params params) {
        KEYS.check(params);
        String at = params.string("phase1At", "nearer").trim().toLowerCase(Locale.ROOT);
        if (!List.of("nearer", "2r", "liquidity").contains(at)) {
            throw new IllegalArgumentException(params.path() + ".phase1At: expected nearer, 2r or liquidity, got '" + at + "'");
        }
        double r = params.decimal("phase1R", 2.0);
        if (!(r > 0)) {
            throw new IllegalArgumentException(params.path() + ".phase1R: must be positive, got " + r);
        }
        double fraction = params.decimal("phase1Fraction", 0.5);
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException(params.path() + ".phase1Fraction: must be in (0, 1), got " + fraction);
        }
        Timeframe tf;
        try {
            tf = Timeframe.ofLabel(params.string("liquidityTimeframe", "15m"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ".liquidityTimeframe: " + e.getMessage(), e);
        }
        boolean bailout = params.flag("bailout", true);
        double share = params.decimal("bailoutShare", 0.8);
        if (!(share > 0.5 && share <= 1)) {
            throw new IllegalArgumentException(params.path() + ".bailoutShare: must be in (0.5, 1], got " + share);
        }
        double speed = params.decimal("bailoutSpeedRatio", 4.0);
        if (!(speed > 0)) {
            throw new IllegalArgumentException(params.path() + ".bailoutSpeedRatio: must be positive, got " + speed);
        }
        Timeframe trailTf;
        try {
            trailTf = Timeframe.ofLabel(params.string("trailTimeframe", "5m"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ".trailTimeframe: " + e.getMessage(), e);
        }
        long strength = params.integer("swingStrength", 2);
        if (strength < 1 || strength > 10) {
            throw new IllegalArgumentException(params.path() + ".swingStrength: must be 1..10, got " + strength);
        }
        double chochSpeed = params.decimal("chochSpeedRatio", 4.0);
        double chochShare = params.decimal("chochShare", 0.8);
        if (!(chochSpeed > 0) || !(chochShare > 0.5 && chochShare <= 1)) {
            throw new IllegalArgumentException(params.path() + ".chochSpeedRatio/chochShare: expected > 0 and (0.5, 1], got "
                    + chochSpeed + ", " + chochShare);
        }
        double zoneR = params.decimal("climaxZoneR", 0.5);
        double largePrint = params.decimal("largePrintFactor", 10.0);
        double absSeconds = params.decimal("absorptionSeconds", 30);
        double absShare = params.decimal("absorptionShare", 0.7);
        long minTrades = params.integer("climaxMinTrades", 20);
        if (!(zoneR >= 0) || !(largePrint > 1) || !(absSeconds > 0) || !(absShare > 0.5 && absShare <= 1) || minTrades < 2) {
            throw new IllegalArgumentException(params.path() + ": climax params out of range (climaxZoneR >= 0, largePrintFactor > 1,"
                    + " absorptionSeconds > 0, absorptionShare in (0.5, 1], climaxMinTrades >= 2)");
        }
        return new Shield(instrument, new Config(at, r, BigDecimal.valueOf(fraction), tf, bailout ? share : Double.NaN,
                speed, trailTf, (int) strength, chochSpeed, chochShare, zoneR, largePrint,
                Math.round(absSeconds * 1e9), absShare, (int) minTrades));
    }

    /** Validated parameters; {@code bailoutShare} is NaN when the bailout is off. */
    record Config(String at, double r, BigDecimal fraction, Timeframe liquidityTf, double bailoutShare,
                  double bailoutSpeed, Timeframe trailTf, int swingStrength, double chochSpeed, double chochShare,
                  double climaxZoneR, double largePrintFactor, long absorptionNanos, double absorptionShare,
                  int climaxMinTrades) {
    }

    static final class Shield implements Manager {
        private final Instrument ins;
        private final String at;
        private final double r;
        private final BigDecimal fraction;
        private final Timeframe liquidityTf;
        private final double bailoutShare;
        private final double bailoutSpeed;
        private final Timeframe trailTf;
        private final int swingStrength;
        private final double chochSpeed;
        private final double chochShare;
        private final Config cfg;
        // per position
        private long positionKey = Long.MIN_VALUE;
        private long level;
        private boolean phase1Done;
        private long remainingAfterPhase1 = -1;
        private boolean stopResized;
        private boolean exited;
        /** Lower-quadrant boundary of the shield (the POI block under a long), or UNDEF when there is none. */
        private long quadrant;
        private SwingTracker swings;
        /** Phase 3 watch; null when the map showed no macro target when the position opened. */
        private ClimaxWatch climax;

        Shield(Instrument ins, Config c) {
            this.ins = ins;
            this.at = c.at();
            this.r = c.r();
            this.fraction = c.fraction();
            this.liquidityTf = c.liquidityTf();
            this.bailoutShare = c.bailoutShare();
            this.bailoutSpeed = c.bailoutSpeed();
            this.trailTf = c.trailTf();
            this.swingStrength = c.swingStrength();
            this.chochSpeed = c.chochSpeed();
            this.chochShare = c.chochShare();
            this.cfg = c;
        }

        @Override
        public List<OrderCommand> onEvent(Event event, PositionView p, MarketMap map, FlowAnalyzer.Engine flow) {
            if (p.openedAt() != positionKey) {
                positionKey = p.openedAt();
                phase1Done = false;
                stopResized = false;
                remainingAfterPhase1 = -1;
                exited = false;
                swings = new SwingTracker(swingStrength);
                climax = climaxWatch(p, map);
                level = phase1Level(p, map);
                shield(p, map);
            }
            if (p.riskPerUnit() == 0) {
                return List.of();
            }
            List<OrderCommand> out = new ArrayList<>(2);
            Optional<SwingTracker.Break> brk = event instanceof dev.flof.spi.event.Bar b && b.symbol().equals(p.symbol())
                    && b.timeframe() == trailTf && b.openTime() >= p.openedAt() ? swings.onBar(b) : Optional.empty();
            if (exited) {
                return out;
            }
            if (phase1Done) {
                if (!stopResized && p.stopOrderId() != null && p.quantity() <= remainingAfterPhase1) {
                    stopResized = true;
                    out.add(Exits.resizeStop(p));
                }
                brk.ifPresent(x -> runner(x, (dev.flof.spi.event.Bar) event, p, flow, out));
                if (climax != null && event instanceof dev.flof.spi.event.Trade t && t.symbol().equals(p.symbol())
                        && t.tsEvent() >= p.openedAt() && climax.onTrade(t).isPresent()) {
                    Exits.reduceOnlyExit(p, ins, p.quantity(), "climax").ifPresent(c -> {
                        exited = true;
                        out.add(c);
                    });
                }
                return out;
            }
            Optional<OrderCommand> bail = bailout(event, p, flow);
            if (bail.isPresent()) {
                exited = true;
                out.add(bail.get());
                return out;
            }
            Optional<Long> fav = Exits.favourable(event, p);
            if (fav.isEmpty() || !Exits.reached(p.side(), fav.get(), level)) {
                return out;
            }
            phase1Done = true;
            long half = new BigDecimal(p.quantity()).multiply(fraction).setScale(0, RoundingMode.DOWN).longValueExact();
            Optional<OrderCommand> exit = Exits.reduceOnlyExit(p, ins, half, "p1");
            exit.ifPresent(out::add);
            if (exit.isPresent()) {
                remainingAfterPhase1 = p.quantity() - ((OrderCommand.Submit) exit.get()).order().quantity();
            } else {
                stopResized = true; // nothing left the position, the stop already covers it all
            }
            Exits.tightenStop(p, freeTradeStop(p, fav.get(), event.tsEvent(), flow)).ifPresent(out::add);
            return out;
        }

        /**
         * Breakeven + 1 tick, or one tick behind the nearest LVN zone the trade has left behind (profile of the trades
         * since entry) when that is tighter, i.e. still beyond breakeven.
         */
        private long freeTradeStop(PositionView p, long price, long now, FlowAnalyzer.Engine flow) {
            long tick = ins.tickSize();
            long stop = Exits.breakevenPlusTick(p, tick);
            if (flow == null) {
                return stop;
            }
            VolumeProfile vp = flow.profile(p.openedAt(), now);
            if (vp == null) {
                return stop;
            }
            boolean isLong = p.side() == Side.BUY;
            for (long[] z : vp.lvnZones()) {
                if (z == null || z.length < 2) {
                    continue;
                }
                long lo = Math.min(z[0], z[1]);
                long hi = Math.max(z[0], z[1]);
                if (isLong ? hi >= price : lo <= price) {
                    continue; // not behind the market
                }
                long behind = isLong ? Ticks.floor(lo, tick) - tick : Ticks.ceil(hi, tick) + tick;
                if (Exits.tighter(p.side(), behind, stop)) {
                    stop = behind;
                }
            }
            return stop;
        }

        /**
         * The macro draw on liquidity for phase 3, from the map as the position opened: for a long the nearest of an
         * ACTIVE daily buy-side pool (e.g. the previous day's high) and the bottom of an ACTIVE 4H supply POI above
         * the entry (mirror for a short). The zone starts {@code climaxZoneR} x 1R before it.
         */
        private ClimaxWatch climaxWatch(PositionView p, MarketMap map) {
            if (map == null) {
                return null;
            }
            boolean isLong = p.side() == Side.BUY;
            Long target = null;
            for (LiquidityPool pool : map.pools()) {
                if (pool.timeframe() == Timeframe.D1 && "ACTIVE".equals(pool.state()) && pool.side() == (isLong ? 1 : -1)
                        && (isLong ? pool.price() > p.averagePrice() : pool.price() < p.averagePrice())
                        && (target == null || (isLong ? pool.price() < target : pool.price() > target))) {
                    target = pool.price();
                }
            }
            for (dev.flof.spi.structure.PointOfInterest z : map.pois()) {
                long edge = isLong ? z.bottom() : z.top();
                if (z.timeframe() == Timeframe.H4 && "ACTIVE".equals(z.state()) && z.direction() == (isLong ? -1 : 1)
                        && (isLong ? edge > p.averagePrice() : edge < p.averagePrice())
                        && (target == null || (isLong ? edge < target : edge > target))) {
                    target = edge;
                }
            }
            if (target == null) {
                return null;
            }
            long zone = Math.round(cfg.climaxZoneR() * p.riskPerUnit());
            return new ClimaxWatch(isLong, isLong ? target - zone : target + zone, cfg.largePrintFactor(),
                    cfg.absorptionNanos(), cfg.absorptionShare(), cfg.climaxMinTrades());
        }

        /**
         * Phase 2 on a break of the trail timeframe's structure. In the trade's direction (BOS): the Structural Node
         * Trail moves the stop one tick behind the nearest LVN zone of the new leg (profile from the opposite swing
         * that started it to the breaking bar's close), never loosening. Against the trade (counter CHOCH): real if
         * the tape spikes (speed at least {@code chochSpeedRatio} x baseline) with at least {@code chochShare} of the
         * volume against the position, and the runner exits at market; otherwise a fake (pullback or sweep) that is
         * held.
         */
        private void runner(SwingTracker.Break x, dev.flof.spi.event.Bar bar, PositionView p, FlowAnalyzer.Engine flow,
                            List<OrderCommand> out) {
            boolean isLong = p.side() == Side.BUY;
            if (x.up() == isLong) {
                if (flow == null) {
                    return;
                }
                VolumeProfile vp = flow.profile(x.legStart() >= 0 ? x.legStart() : p.openedAt(), bar.tsEvent());
                if (vp == null) {
                    return;
                }
                long tick = ins.tickSize();
                long best = p.currentStop();
                for (long[] z : vp.lvnZones()) {
                    if (z == null || z.length < 2) {
                        continue;
                    }
                    long lo = Math.min(z[0], z[1]);
                    long hi = Math.max(z[0], z[1]);
                    if (isLong ? hi >= bar.close() : lo <= bar.close()) {
                        continue;
                    }
                    long behind = isLong ? Ticks.floor(lo, tick) - tick : Ticks.ceil(hi, tick) + tick;
                    if (Exits.tighter(p.side(), behind, best)) {
                        best = behind;
                    }
                }
                Exits.tightenStop(p, best).ifPresent(out::add);
                return;
            }
            dev.flof.spi.flow.FlowSnapshot snap = flow == null ? null : flow.snapshot();
            if (snap == null) {
                return;
            }
            double against = isLong ? snap.sellShare() : 1.0 - snap.sellShare();
            double ratio = snap.speedRatio();
            if (!Double.isNaN(ratio) && ratio >= chochSpeed && against >= chochShare) {
                Exits.reduceOnlyExit(p, ins, p.quantity(), "choch").ifPresent(c -> {
                    exited = true;
                    out.add(c);
                });
            }
        }

        /**
         * Tape-failure bailout, before phase 1 only: a print inside the lower quadrant of the shield (the quarter
         * of the POI block nearest the stop) while the tape runs at least {@code bailoutSpeedRatio} x its baseline
         * with at least {@code bailoutShare} of the volume against the position: the whole position exits at
         * market before the hard stop is hit.
         */
        private Optional<OrderCommand> bailout(Event event, PositionView p, FlowAnalyzer.Engine flow) {
            if (Double.isNaN(bailoutShare) || quadrant == dev.flof.spi.market.Fixed.UNDEF || flow == null
                    || !(event instanceof dev.flof.spi.event.Trade t) || !t.symbol().equals(p.symbol())) {
                return Optional.empty();
            }
            boolean isLong = p.side() == Side.BUY;
            if (isLong ? t.price() > quadrant : t.price() < quadrant) {
                return Optional.empty();
            }
            dev.flof.spi.flow.FlowSnapshot snap = flow.snapshot();
            if (snap == null) {
                return Optional.empty();
            }
            double against = isLong ? snap.sellShare() : 1.0 - snap.sellShare();
            double ratio = snap.speedRatio();
            if (Double.isNaN(ratio) || ratio < bailoutSpeed || against < bailoutShare) {
                return Optional.empty();
            }
            return Exits.reduceOnlyExit(p, ins, p.quantity(), "bailout");
        }

        /** Finds the shield: the POI block of the position's direction holding the entry (or nearest behind it). */
        private void shield(PositionView p, MarketMap map) {
            quadrant = dev.flof.spi.market.Fixed.UNDEF;
            if (map == null) {
                return;
            }
            boolean isLong = p.side() == Side.BUY;
            dev.flof.spi.structure.PointOfInterest best = null;
            for (dev.flof.spi.structure.PointOfInterest z : map.pois()) {
                if (z.direction() != (isLong ? 1 : -1)) {
                    continue;
                }
                if (z.contains(p.averagePrice())) {
                    best = z;
                    break;
                }
                boolean behind = isLong ? z.top() < p.averagePrice() && z.bottom() > p.initialStop()
                        : z.bottom() > p.averagePrice() && z.top() < p.initialStop();
                if (behind && (best == null || (isLong ? z.top() > best.top() : z.bottom() < best.bottom()))) {
                    best = z;
                }
            }
            if (best != null) {
                long q = (best.top() - best.bottom()) / 4;
                quadrant = isLong ? best.bottom() + q : best.top() - q;
            }
        }

        private long phase1Level(PositionView p, MarketMap map) {
            long twoR = Exits.rLevel(p, r);
            if (at.equals("2r")) {
                return twoR;
            }
            Optional<Long> pool = nearestOpposingPool(p, map);
            if (pool.isEmpty()) {
                return twoR;
            }
            if (at.equals("liquidity")) {
                return pool.get();
            }
            return p.side() == Side.BUY ? Math.min(twoR, pool.get()) : Math.max(twoR, pool.get());
        }

        /** Nearest ACTIVE pool of the liquidity timeframe on the far side (buy-side above a long), beyond the entry. */
        private Optional<Long> nearestOpposingPool(PositionView p, MarketMap map) {
            if (map == null) {
                return Optional.empty();
            }
            boolean isLong = p.side() == Side.BUY;
            Optional<Long> best = Optional.empty();
            for (LiquidityPool pool : map.pools()) {
                if (pool.timeframe() != liquidityTf || !"ACTIVE".equals(pool.state())
                        || pool.side() != (isLong ? 1 : -1)) {
                    continue;
                }
                long px = isLong ? Ticks.floor(pool.price(), ins.tickSize()) : Ticks.ceil(pool.price(), ins.tickSize());
                if (isLong ? px <= p.averagePrice() : px >= p.averagePrice()) {
                    continue;
                }
                if (best.isEmpty() || (isLong ? px < best.get() : px > best.get())) {
                    best = Optional.of(px);
                }
            }
            return best;
        }
    }
}
