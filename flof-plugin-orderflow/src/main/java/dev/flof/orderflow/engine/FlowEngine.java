package dev.flof.orderflow.engine;

import dev.flof.orderflow.core.Side;
import dev.flof.orderflow.core.Signal;
import dev.flof.orderflow.core.SignalSink;
import dev.flof.orderflow.core.SignalType;
import dev.flof.orderflow.delta.CvdTracker;
import dev.flof.orderflow.delta.DeltaFlipDetector;
import dev.flof.orderflow.delta.SessionResets;
import dev.flof.orderflow.footprint.Footprint;
import dev.flof.orderflow.footprint.PocShiftTracker;
import dev.flof.orderflow.profile.ProfileParams;
import dev.flof.orderflow.profile.ProfileResult;
import dev.flof.orderflow.profile.TradeHistory;
import dev.flof.orderflow.signal.AbsorptionDetector;
import dev.flof.orderflow.signal.AggressorClassifier;
import dev.flof.orderflow.signal.BailoutDetector;
import dev.flof.orderflow.signal.CvdDivergence;
import dev.flof.orderflow.signal.LargePrintAggregator;
import dev.flof.orderflow.signal.OrderFlowImbalance;
import dev.flof.orderflow.signal.TapeSpeed;
import dev.flof.orderflow.tape.TradeWindow;
import java.util.List;

/**
 * One instrument's order flow on primitives: prices are tick indices, sizes are {@code long} in the caller's
 * size unit, times are exchange nanoseconds. Every signal of the spec runs here; each trade costs a constant
 * amount of work and allocates nothing unless it emits a signal (bar closes do per-bar work).
 *
 * <p>Time T is the largest exchange time seen (trades, quotes or {@link #advanceTo}). A trade with
 * {@code ts <= T - tapeWindow} on arrival is dropped from every signal and counted ({@link #droppedLate()}),
 * since no window can place it any more. Bars are cut on exchange time every {@code barNanos} (epoch-aligned);
 * a bar closes - and its footprint signals become knowable - at its end time, when the first event at or after
 * that time arrives.
 *
 * <p>Values in signals follow one convention: names ending in {@code Tick} are tick indices, names ending in
 * {@code Qty} are sizes in the engine's size unit, names ending in {@code Ts} are exchange nanoseconds.
 */
public final class FlowEngine {
    /** A new tape-speed spike is reported only after the rate fell below this share of the spike level. */
    static final double SPEED_REARM = 0.75;

    private final FlowParams p;
    private final TradeWindow tape;
    private final CvdTracker cvd;
    private final Footprint footprint = new Footprint(512);
    private final PocShiftTracker pocShift;
    private final DeltaFlipDetector flip;
    private final TapeSpeed speed;
    private final LargePrintAggregator large;
    private final AbsorptionDetector absorption;
    private final BailoutDetector bailout;
    private final CvdDivergence divergence;
    private final OrderFlowImbalance ofi = new OrderFlowImbalance();
    private final AggressorClassifier classifier = new AggressorClassifier();
    private final TradeHistory history;

    private long barIndex = Long.MIN_VALUE;
    private long barEnd = Long.MIN_VALUE;
    private boolean speedOn;
    private long lastDivergenceTs = Long.MIN_VALUE;
    private long lateForBar;
    private long inferredSides;
    private long trades;
    // last closed bar
    private long lastBarOpen = Long.MIN_VALUE;
    private long lastBarDelta;
    private long lastBarVolume;
    private long lastBarPoc;
    private long lastBarCvd;

    public FlowEngine(FlowParams params, SessionResets resets) {
        this.p = params;
        tape = new TradeWindow(p.tapeWindowNanos(), p.tapeCapacity());
        cvd = new CvdTracker(resets);
        pocShift = new PocShiftTracker(p.pocShiftBars());
        flip = new DeltaFlipDetector(p.flipThreshold(), p.flipWindowNanos());
        speed = new TapeSpeed(p.speedFastNanos(), p.speedSlowNanos(), p.speedMultiple(), p.speedMinBaselinePrints(),
                p.speedCapacity());
        large = new LargePrintAggregator(p.largePrintSize());
        absorption = new AbsorptionDetector(p.absorptionWindowNanos(), p.absorptionRatio(), p.absorptionMinVolume(),
                p.absorptionToleranceTicks(), p.tapeCapacity());
        bailout = new BailoutDetector(p.bailoutWindowNanos(), p.bailoutShare(), p.tapeCapacity());
        divergence = new CvdDivergence(p.divergenceReversalTicks(), p.divergenceEpsilon(), p.divergenceReversalBp());
        history = new TradeHistory(1 << 14, p.historyCapacity(), p.historyRetentionNanos());
    }

    public FlowParams params() {
        return p;
    }

    /**
     * One trade.
     *
     * @param side +1 buyer-initiated, -1 seller-initiated, 0 unknown (then inferred by quote/tick rule)
     */
    public void onTrade(long ts, long seq, long tick, long qty, int side, SignalSink out) {
        if (qty <= 0) {
            throw new IllegalArgumentException("trade size must be positive, got " + qty + " at ts " + ts);
        }
        if (side == Side.UNKNOWN) {
            side = classifier.classify(tick);
            if (side != Side.UNKNOWN) {
                inferredSides++;
            }
        } else {
            classifier.observe(tick);
        }
        if (!tape.add(ts, seq, tick, qty, side)) {
            return;
        }
        trades++;
        boolean inOpenBar = rollBars(ts, out); // bar-close signals (at the bar end) come first
        if (large.onTrade(ts, tick, qty, side)) {
            emitLarge(ts, out);
        }
        if (inOpenBar) {
            footprint.add(Math.floorDiv(tick, p.footprintRowTicks()), qty, side);
            int f = flip.onTrade(ts, side * qty);
            if (f != 0) {
                out.accept(new Signal(SignalType.DELTA_FLIP, ts, f, tick, Signal.values(
                        "barDeltaQty", flip.delta(), "fromDeltaQty", flip.previousDelta(),
                        "thresholdQty", p.flipThreshold(), "windowNanos", p.flipWindowNanos())));
            }
        } else {
            lateForBar++;
        }
        long c = cvd.onTrade(ts, qty, side);
        if (ts >= lastDivergenceTs) {
            lastDivergenceTs = ts;
            int d = divergence.onPoint(ts, tick, c);
            if (d != 0) {
                out.accept(new Signal(SignalType.CVD_DIVERGENCE, ts, d, divergence.swingPrice(), Signal.values(
                        "swingTs", divergence.swingTs(), "swingTick", divergence.swingPrice(),
                        "swingCvdQty", divergence.swingCvd(), "priorSwingTs", divergence.priorTs(),
                        "priorSwingTick", divergence.priorPrice(), "priorSwingCvdQty", divergence.priorCvd())));
            }
        }
        speed.onPrint(ts);
        speed.advanceTo(tape.latest());
        boolean spike = speed.spike();
        if (spike && !speedOn) {
            out.accept(new Signal(SignalType.TAPE_SPEED_SPIKE, ts, Side.UNKNOWN, tick, Signal.values(
                    "fastPrints", speed.fastPrints(), "baselinePrints", speed.baselinePrints(),
                    "fastRate", speed.fastRate(), "baselineRate", speed.baselineRate(),
                    "ratio", speed.fastRate() / speed.baselineRate())));
        }
        if (spike) {
            speedOn = true;
        } else if (speedOn && speed.calmBelow(SPEED_REARM)) {
            speedOn = false;
        }
        int a = absorption.onTrade(ts, seq, tick, qty, side);
        if (a != 0) {
            var q = absorption.quotes();
            out.accept(new Signal(SignalType.ABSORPTION, ts, a, a > 0 ? q.minBid() : q.maxAsk(), Signal.values(
                    "sellQty", absorption.sellVolume(), "buyQty", absorption.buyVolume(),
                    "startTick", a > 0 ? q.startBid() : q.startAsk(),
                    "extremeTick", a > 0 ? q.minBid() : q.maxAsk())));
        }
        int b = bailout.onTrade(ts, seq, tick, qty, side, speedOn);
        if (b != 0) {
            out.accept(new Signal(SignalType.BAILOUT, ts, b, tick, Signal.values(
                    "sellQty", bailout.sellVolume(), "buyQty", bailout.buyVolume(),
                    "share", b < 0 ? bailout.sellShare() : 1 - bailout.sellShare(),
                    "speedRatio", speed.fastRate() / speed.baselineRate())));
        }
        history.add(ts, tick, qty);
    }

    /** Top of book (tick indices); moves time forward. */
    public void onQuote(long ts, long bidTick, long bidSize, long askTick, long askSize, SignalSink out) {
        advanceTo(ts, out);
        classifier.onQuote(bidTick, askTick);
        absorption.onQuote(ts, bidTick, askTick);
        ofi.onQuote(bidTick, bidSize, askTick, askSize);
    }

    /** Moves exchange time forward without a trade (quote, timer or bar close). */
    public void advanceTo(long ts, SignalSink out) {
        tape.advanceTo(ts);
        speed.advanceTo(tape.latest());
        bailout.advanceTo(ts);
        if (barEnd != Long.MIN_VALUE && ts >= barEnd) {
            closeBar(out);
            barIndex = Long.MIN_VALUE;
            barEnd = Long.MIN_VALUE;
        }
        if (large.advanceTo(ts)) {
            emitLarge(ts, out);
        }
    }

    private void emitLarge(long ts, SignalSink out) {
        out.accept(new Signal(SignalType.LARGE_PRINT, ts, large.doneSide(), large.doneLowTick(), Signal.values(
                "sizeQty", large.doneSize(), "fills", large.doneFills(), "eventTs", large.doneTs(),
                "lowTick", large.doneLowTick(), "highTick", large.doneHighTick())));
    }

    /** Opens/closes bars for a trade at ts; false when the trade belongs to a bar already closed. */
    private boolean rollBars(long ts, SignalSink out) {
        long idx = Math.floorDiv(ts, p.barNanos());
        if (barIndex == Long.MIN_VALUE) {
            if (lastBarOpen != Long.MIN_VALUE && idx * p.barNanos() <= lastBarOpen) {
                return false;
            }
            openBar(idx);
            return true;
        }
        if (idx > barIndex) {
            closeBar(out);
            openBar(idx);
            return true;
        }
        return idx == barIndex;
    }

    private void openBar(long idx) {
        barIndex = idx;
        barEnd = (idx + 1) * p.barNanos();
        footprint.reset();
        flip.barOpen();
    }

    private void closeBar(SignalSink out) {
        if (footprint.isEmpty()) {
            return;
        }
        long end = barEnd;
        long rt = p.footprintRowTicks();
        for (int side = 1; side >= -1; side -= 2) {
            List<long[]> stacks = footprint.stacks(side, p.imbalanceRatio(), p.imbalanceMinVolume(), p.stackLevels());
            for (long[] s : stacks) {
                out.accept(new Signal(SignalType.STACKED_IMBALANCE, end, side, (side > 0 ? s[0] : s[1]) * rt,
                        Signal.values("lowTick", s[0] * rt, "highTick", s[1] * rt, "levels", s[1] - s[0] + 1,
                        "barOpenTs", end - p.barNanos(), "barDeltaQty", footprint.delta())));
            }
        }
        long poc = footprint.pocTick() * rt;
        PocShiftTracker.Outcome o = pocShift.onBar(poc, footprint.high() * rt, footprint.low() * rt);
        switch (o) {
            case SHIFT_UP, SHIFT_DOWN -> out.accept(new Signal(SignalType.POC_SHIFT, end,
                    o == PocShiftTracker.Outcome.SHIFT_UP ? Side.BUY : Side.SELL, poc, Signal.values(
                    "pocTick", poc, "previousPocTick", lastBarPoc, "bars", p.pocShiftBars())));
            case LAG_UP, LAG_DOWN -> out.accept(new Signal(SignalType.POC_LAG, end,
                    o == PocShiftTracker.Outcome.LAG_UP ? Side.BUY : Side.SELL, poc, Signal.values(
                    "pocTick", poc, "previousPocTick", lastBarPoc, "highTick", footprint.high() * rt,
                    "lowTick", footprint.low() * rt)));
            default -> { }
        }
        lastBarOpen = end - p.barNanos();
        lastBarDelta = footprint.delta();
        lastBarVolume = footprint.volume();
        lastBarPoc = poc;
        lastBarCvd = cvd.cvd();
    }

    /** The open bar's footprint (read-only use); its rows are {@code footprintRowTicks} wide (row = tick / rows). */
    public Footprint currentFootprint() {
        return footprint;
    }

    /** Volume profile of the trades held over (from, to]. */
    public ProfileResult profile(long fromNanos, long toNanos, ProfileParams params) {
        return history.profile(fromNanos, toNanos, params);
    }

    public ProfileResult profile(long fromNanos, long toNanos) {
        return profile(fromNanos, toNanos, p.profile());
    }

    public long now() {
        return tape.latest();
    }

    public long cvd() {
        return cvd.cvd();
    }

    public TradeWindow tape() {
        return tape;
    }

    public TapeSpeed speed() {
        return speed;
    }

    /** Seller share of classified volume over the bailout window, NaN when empty. */
    public double sellShare() {
        return bailout.sellShare();
    }

    /** Running sum of best-level OFI events since the start. */
    public long ofiCumulative() {
        return ofi.cumulative();
    }

    public long trades() {
        return trades;
    }

    public long droppedLate() {
        return tape.dropped();
    }

    /** Trades that arrived after their bar had closed (kept out of footprints and flips). */
    public long lateForBar() {
        return lateForBar;
    }

    public long lateAcrossSessionReset() {
        return cvd.lateAcrossReset();
    }

    /** Trades without a venue side whose side the quote or tick rule decided. */
    public long inferredSides() {
        return inferredSides;
    }

    public long lastBarOpen() {
        return lastBarOpen;
    }

    public long lastBarDelta() {
        return lastBarDelta;
    }

    public long lastBarVolume() {
        return lastBarVolume;
    }

    public long lastBarPoc() {
        return lastBarPoc;
    }

    public long lastBarCvd() {
        return lastBarCvd;
    }
}
