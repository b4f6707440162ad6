package dev.flof.risk.exits;

import dev.flof.risk.ParamKeys;
import dev.flof.risk.Ticks;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.ext.ExitManager;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.PositionView;
import dev.flof.spi.structure.MarketMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An ATR (chandelier) trailing stop: the stop follows the best price since entry at {@code atrMultiple} × ATR,
 * where ATR is Wilder's average true range of the closed bars of {@code timeframe}. The stop only ever tightens:
 * a widening ATR never pulls it back. Until {@code atrPeriod} bars have closed there is no ATR and the
 * initial stop stands. A stop is never placed at or through the last price (it would trigger at once).
 * <p>Params (defaults): {@code atrPeriod} 14, {@code atrMultiple} 3.0, {@code timeframe} 1m.
 * ATR is kept across positions (it is a property of the market); the best price resets per position.
 */
@org.pf4j.Extension
public final class AtrTrailExitManager implements ExitManager {
    public static final String ID = "atr-trail";
    static final ParamKeys KEYS = new ParamKeys(Set.of("atrPeriod", "atrMultiple", "timeframe"), Set.of());

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "ATR trailing stop from the best price since entry; never loosens";
    }

    @Override
    public Manager open(Instrument instrument, Params params) {
        KEYS.check(params);
        long period = params.integer("atrPeriod", 14);
        double multiple = params.decimal("atrMultiple", 3.0);
        if (period < 1) {
            throw new IllegalArgumentException(params.path() + ".atrPeriod: must be at least 1, got " + period);
        }
        if (!(multiple > 0)) {
            throw new IllegalArgumentException(params.path() + ".atrMultiple: must be positive, got " + multiple);
        }
        Timeframe tf;
        try {
            tf = Timeframe.ofLabel(params.string("timeframe", "1m"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(params.path() + ".timeframe: " + e.getMessage(), e);
        }
        return new Trail(instrument, (int) period, multiple, tf);
    }

    /** Wilder ATR over closed bars, fixed-point; 0 until {@code period} bars were seen. */
    static final class Atr {
        private final int period;
        private long prevClose = Long.MIN_VALUE;
        private long sum;
        private int count;
        private long atr;

        Atr(int period) {
            this.period = period;
        }

        void onBar(Bar b) {
            long tr = b.high() - b.low();
            if (prevClose != Long.MIN_VALUE) {
                tr = Math.max(tr, Math.max(Math.abs(b.high() - prevClose), Math.abs(b.low() - prevClose)));
            }
            prevClose = b.close();
            if (count < period) {
                sum += tr;
                count++;
                if (count == period) {
                    atr = sum / period;
                }
            } else {
                atr = (atr * (period - 1) + tr) / period;
            }
        }

        long value() {
            return count >= period ? atr : 0;
        }
    }

    static final class Trail implements Manager {
        private final Instrument ins;
        private final double multiple;
        private final Timeframe tf;
        private final Atr atr;
        private long positionKey = Long.MIN_VALUE;
        private long best;
        private long last;

        Trail(Instrument ins, int period, double multiple, Timeframe tf) {
            this.ins = ins;
            this.multiple = multiple;
            this.tf = tf;
            this.atr = new Atr(period);
        }

        @Override
        public List<OrderCommand> onEvent(Event event, PositionView p, MarketMap map, FlowAnalyzer.Engine flow) {
            if (p.openedAt() != positionKey) {
                positionKey = p.openedAt();
                best = p.averagePrice();
                last = p.averagePrice();
            }
            if (event instanceof Bar b && b.symbol().equals(ins.symbol()) && b.timeframe() == tf) {
                atr.onBar(b);
            }
            Exits.lastPrice(event, p).ifPresent(px -> last = px);
            Optional<Long> fav = Exits.favourable(event, p);
            if (fav.isPresent() && Exits.tighter(p.side(), fav.get(), best)) {
                best = fav.get();
            }
            long a = atr.value();
            if (a == 0) {
                return List.of();
            }
            long dist = Math.round(multiple * a);
            long stop = p.side() == Side.BUY
                    ? Ticks.floor(best - dist, ins.tickSize())
                    : Ticks.ceil(best + dist, ins.tickSize());
            if (!Exits.tighter(p.side(), last, stop)) {
                return List.of(); // a stop at or through the market would fill at once (or be rejected)
            }
            return Exits.tightenStop(p, stop).map(List::of).orElse(List.of());
        }
    }
}
