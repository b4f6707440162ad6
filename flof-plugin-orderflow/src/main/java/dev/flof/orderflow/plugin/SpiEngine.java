package dev.flof.orderflow.plugin;

import dev.flof.orderflow.core.Signal;
import dev.flof.orderflow.core.SignalSink;
import dev.flof.orderflow.engine.FlowEngine;
import dev.flof.orderflow.engine.SignalValues;
import dev.flof.orderflow.profile.ProfileResult;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.flow.FlowSnapshot;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adapts the primitive {@link FlowEngine} to the SPI: fixed-point prices become exact tick indices via
 * {@link Instrument#tickSize()} (off-grid prints are rejected and counted), sizes stay fixed-point, signals are
 * converted back to prices and instrument units. The signal sink is one reused object, so the per-trade path
 * stays allocation-free.
 */
final class SpiEngine implements FlowAnalyzer.Engine {
    private final Instrument instrument;
    private final FlowEngine engine;
    private final long tick;
    private final BigDecimal tickDecimal;
    private Consumer<FlowSignal> out;
    private final SignalSink sink = this::forward;
    private long offGrid;
    private long oneSidedQuotes;
    // price -> tick index conversions of the last trade, bid and ask (a division each, otherwise)
    private final TickIndex tradeTick;
    private final TickIndex bidTick;
    private final TickIndex askTick;

    SpiEngine(Instrument instrument, FlowEngine engine) {
        this.instrument = instrument;
        this.engine = engine;
        this.tick = instrument.tickSize();
        this.tickDecimal = Fixed.toDecimal(tick);
        this.tradeTick = new TickIndex(tick);
        this.bidTick = new TickIndex(tick);
        this.askTick = new TickIndex(tick);
    }

    /**
     * Exact price to tick index conversion that remembers the last price: the tape mostly repeats a price or
     * moves it by one tick, which then costs an addition instead of a 64-bit division.
     */
    static final class TickIndex {
        private static final long SAFE = Long.MAX_VALUE / 4;
        private final long tick;
        private boolean known;
        private long price;
        private boolean onGrid;
        private long index;

        TickIndex(long tick) {
            this.tick = tick;
        }

        /** Converts {@code p}; returns whether it lies on the tick grid ({@link #index()} is then its tick index). */
        boolean set(long p) {
            if (known && p == price) {
                return onGrid;
            }
            if (known && onGrid && Math.abs(p) < SAFE && Math.abs(price) < SAFE) {
                long d = p - price;
                if (d == tick) {
                    price = p;
                    index++;
                    return true;
                }
                if (d == -tick) {
                    price = p;
                    index--;
                    return true;
                }
            }
            known = true;
            price = p;
            onGrid = p % tick == 0;
            index = p / tick;
            return onGrid;
        }

        long index() {
            return index;
        }
    }

    @Override
    public void onTrade(Trade trade, Consumer<FlowSignal> out) {
        if (!tradeTick.set(trade.price()) || trade.size() <= 0) {
            offGrid++;
            return;
        }
        this.out = out;
        engine.onTrade(trade.tsEvent(), trade.sequence(), tradeTick.index(), trade.size(), trade.aggressor().sign(), sink);
    }

    @Override
    public void onQuote(Quote quote, Consumer<FlowSignal> out) {
        this.out = out;
        if (!quote.twoSided() || !bidTick.set(quote.bidPrice()) || !askTick.set(quote.askPrice())) {
            oneSidedQuotes++;
            engine.advanceTo(quote.tsEvent(), sink);
            return;
        }
        engine.onQuote(quote.tsEvent(), bidTick.index(), quote.bidSize(), askTick.index(),
                quote.askSize(), sink);
    }

    @Override
    public void onBar(Bar bar, Consumer<FlowSignal> out) {
        this.out = out;
        engine.advanceTo(bar.tsEvent(), sink);
    }

    private void forward(Signal s) {
        Side side = s.side() > 0 ? Side.BUY : s.side() < 0 ? Side.SELL : Side.NONE;
        out.accept(new FlowSignal(instrument.symbol(), s.type().name(), s.ts(), side,
                Math.multiplyExact(s.priceTick(), tick), SignalValues.inMarketUnits(s, tickDecimal, Fixed.SCALE)));
    }

    @Override
    public FlowSnapshot snapshot() {
        return new FlowSnapshot(engine.now(), engine.cvd(), engine.speed().fastRate(), engine.speed().baselineRate(),
                engine.sellShare());
    }

    @Override
    public VolumeProfile profile(long fromNanos, long toNanos) {
        ProfileResult r = engine.profile(fromNanos, toNanos);
        if (r.isEmpty()) {
            return new VolumeProfile(0, 0, 0, 0, List.of(), List.of(), List.of());
        }
        List<Long> hvn = new ArrayList<>();
        r.hvnTicks().forEach(t -> hvn.add(t * tick));
        List<Long> lvn = new ArrayList<>();
        r.lvnTicks().forEach(t -> lvn.add(t * tick));
        List<long[]> zones = new ArrayList<>();
        r.lvnZones().forEach(z -> zones.add(new long[] {z.lowTick() * tick, z.highTick() * tick}));
        return new VolumeProfile(r.pocTick() * tick, r.valHighTick() * tick, r.valLowTick() * tick, r.totalVolume(),
                hvn, lvn, zones);
    }

    /** The primitive engine (for callers inside this plugin that need more than the SPI exposes). */
    FlowEngine engine() {
        return engine;
    }

    /** Trades rejected for a price off the tick grid or a non-positive size. */
    long offGrid() {
        return offGrid;
    }

    long oneSidedQuotes() {
        return oneSidedQuotes;
    }
}
