package dev.flof.conformance;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.OrderEvent;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.flow.FlowSnapshot;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.risk.Setup;
import dev.flof.spi.structure.Bias;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The inputs the contract suites generate: setups, price paths and event streams. Everything comes from a seeded
 * {@link Random}, so a failure names a case that the author can replay exactly (same seed, same case index).
 */
public final class Samples {
    /** The first minute of every generated path: 2023-11-14T22:13:20Z. */
    public static final long T0 = 1_700_000_000_000_000_000L;
    public static final long SECOND = 1_000_000_000L;

    /** ES with its real contract facts: 0.25 tick, 50 USD a point, whole contracts. */
    public static final Instrument ES = new Instrument("ESZ5", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50),
            Fixed.ofUnits(1), MarketProfile.ES, "CME_GLOBEX_EQUITY");
    /** BTCUSDT on Binance: 0.1 tick, 1 USDT a point, 0.001 BTC lot. */
    public static final Instrument BTC = new Instrument("BTCUSDT", "BINANCE", Fixed.parse("0.1"), Fixed.ofUnits(1),
            Fixed.parse("0.001"), MarketProfile.CRYPTO, "CRYPTO_24_7");

    private Samples() {
    }

    /**
     * {@code count} setups covering both directions, every bias, swept and unswept pools, fresh and tested POIs,
     * every order-flow combination, in and out of kill zones. {@code extraFacts} maps a key of
     * {@link Setup#extra()} to the values a grader understands; each setup carries one of them, or lacks the key.
     */
    public static List<Setup> setups(long seed, int count, Instrument ins, Map<String, List<String>> extraFacts) {
        Random r = new Random(seed);
        List<Setup> out = new ArrayList<>(count);
        String[] pools = {null, "PDL", "PDH", "PWL", "PWH", "ASIA_LOW", "EQUAL_HIGHS"};
        String[] zones = {null, "london-open", "ny-am", "ny-pm"};
        Bias[] biases = Bias.values();
        long base = ins.profile() == MarketProfile.ES ? Fixed.parse("4500") : Fixed.parse("37000");
        for (int i = 0; i < count; i++) {
            Side dir = r.nextBoolean() ? Side.BUY : Side.SELL;
            long entry = base + ins.tickSize() * (r.nextInt(401) - 200);
            long stop = entry - dir.sign() * ins.tickSize() * (1 + r.nextInt(40));
            Map<String, String> extra = new TreeMap<>();
            for (Map.Entry<String, List<String>> e : new TreeMap<>(extraFacts).entrySet()) {
                int pick = r.nextInt(e.getValue().size() + 1);
                if (pick < e.getValue().size()) {
                    extra.put(e.getKey(), e.getValue().get(pick));
                }
            }
            out.add(new Setup("setup-" + i, ins.symbol(), dir, T0 + i * 60 * SECOND, biases[r.nextInt(biases.length)],
                    pools[r.nextInt(pools.length)], r.nextInt(4) - (r.nextInt(10) == 0 ? 1 : 0), r.nextBoolean(),
                    r.nextBoolean(), r.nextBoolean(), r.nextBoolean(), zones[r.nextInt(zones.length)], entry, stop,
                    extra));
        }
        return out;
    }

    /**
     * The same setups stripped of every order-flow fact: no CVD divergence, no stacked imbalance, no absorption,
     * no pool, no kill zone, nothing in {@code extra}. This is what a setup looks like on a bars-only data tier.
     */
    public static Setup withoutOrderFlow(Setup s) {
        return new Setup(s.id(), s.symbol(), s.direction(), s.tsKnown(), s.htfBias(), null, s.poiTouches(),
                s.chochDisplacement(), false, false, false, null, s.entryPrice(), s.stopPrice(), Map.of());
    }

    /**
     * A price path in ticks from {@code start}: {@code minutes} minutes of four prints 15 s apart (random steps of
     * up to {@code maxStep} ticks, sometimes a gap of several times that), each minute followed by its closed
     * 1-minute bar delivered at the close, as the kernel does.
     */
    public static List<Event> pricePath(Random r, Instrument ins, long start, int minutes, int maxStep) {
        List<Event> out = new ArrayList<>();
        long seq = 0;
        long px = start;
        for (int m = 0; m < minutes; m++) {
            long open = T0 + m * 60 * SECOND;
            long o = 0, h = Long.MIN_VALUE, l = Long.MAX_VALUE, c = 0, buy = 0, sell = 0;
            for (int i = 0; i < 4; i++) {
                int step = r.nextInt(2 * maxStep + 1) - maxStep;
                if (r.nextInt(25) == 0) {
                    step *= 5;
                }
                px = Math.max(ins.tickSize(), px + step * ins.tickSize());
                long ts = open + i * 15 * SECOND;
                Side aggressor = step >= 0 ? Side.BUY : Side.SELL;
                long size = ins.lotSize() * (1 + r.nextInt(20));
                out.add(new Trade(ins.symbol(), ts, ts, ++seq, px, size, aggressor, AggressorRule.TICK));
                if (aggressor == Side.BUY) {
                    buy += size;
                } else {
                    sell += size;
                }
                if (i == 0) {
                    o = px;
                }
                h = Math.max(h, px);
                l = Math.min(l, px);
                c = px;
            }
            long close = open + 60 * SECOND;
            out.add(new Bar(ins.symbol(), Timeframe.M1, open, close, close, ++seq, o, h, l, c, buy + sell, buy, sell,
                    4, c));
        }
        return out;
    }

    /**
     * A hostile event stream for circuit breakers: trades and quotes with gaps and crossed books, losing and
     * winning fills, rejects, feed gaps, stale and disconnected feeds, venue halts and errors, timers. Times only
     * move forward; two calls with the same seed give equal streams.
     */
    public static List<Event> breakerStream(long seed, Instrument ins, int count) {
        Random r = new Random(seed);
        List<Event> out = new ArrayList<>(count);
        long t = T0;
        long px = ins.profile() == MarketProfile.ES ? Fixed.parse("4500") : Fixed.parse("37000");
        for (int i = 0; i < count; i++) {
            t += (1 + r.nextInt(r.nextInt(20) == 0 ? 600 : 5)) * SECOND / 2;
            long seq = i + 1;
            int kind = r.nextInt(20);
            if (kind < 8) {
                px = Math.max(ins.tickSize(), px + (r.nextInt(9) - 4) * ins.tickSize() * (r.nextInt(30) == 0 ? 40 : 1));
                out.add(new Trade(ins.symbol(), t, t + r.nextInt(3) * SECOND, seq, px, ins.lotSize() * (1 + r.nextInt(5)),
                        r.nextBoolean() ? Side.BUY : Side.SELL, AggressorRule.VENUE));
            } else if (kind < 11) {
                long spread = ins.tickSize() * (r.nextInt(10) == 0 ? -1 : 1 + r.nextInt(3));
                out.add(new Quote(ins.symbol(), t, t, seq, px - spread / 2, ins.lotSize() * 5, px - spread / 2 + spread,
                        ins.lotSize() * 5));
            } else if (kind < 15) {
                OrderEvent.Kind k = OrderEvent.Kind.values()[r.nextInt(OrderEvent.Kind.values().length)];
                boolean fill = k == OrderEvent.Kind.FILLED || k == OrderEvent.Kind.PARTIALLY_FILLED;
                Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
                long fillPx = px + (r.nextInt(41) - 20) * ins.tickSize();
                out.add(new OrderEvent(ins.venue(), ins.symbol(), t, t, seq, "cmd-" + r.nextInt(6),
                        "v-" + r.nextInt(6), k, side, fill ? fillPx : 0, fill ? ins.lotSize() * (1 + r.nextInt(3)) : 0,
                        k == OrderEvent.Kind.PARTIALLY_FILLED ? ins.lotSize() : 0, fill ? Fixed.parse("1.25") : 0,
                        k == OrderEvent.Kind.REJECTED ? "insufficient margin" : ""));
            } else if (kind < 17) {
                FeedStatus.Kind k = FeedStatus.Kind.values()[r.nextInt(FeedStatus.Kind.values().length)];
                out.add(new FeedStatus("feed", ins.symbol(), t, t, seq, k, k.name().toLowerCase(java.util.Locale.ROOT)));
            } else if (kind < 19) {
                VenueStatus.Kind k = VenueStatus.Kind.values()[r.nextInt(VenueStatus.Kind.values().length)];
                out.add(new VenueStatus(ins.venue(), t, t, seq, k, k.name().toLowerCase(java.util.Locale.ROOT)));
            } else {
                out.add(new TimerEvent("timer-" + r.nextInt(3), t, t, seq));
            }
        }
        return out;
    }

    /**
     * A flow engine with nothing to say: a zero snapshot (no baseline yet) and an empty profile. Exit managers that
     * consult order flow must cope with a quiet tape.
     */
    public static FlowAnalyzer.Engine quietFlow() {
        return new FlowAnalyzer.Engine() {
            private long asOf;

            @Override
            public void onTrade(Trade trade, Consumer<FlowSignal> out) {
                asOf = trade.tsEvent();
            }

            @Override
            public void onQuote(Quote quote, Consumer<FlowSignal> out) {
                asOf = quote.tsEvent();
            }

            @Override
            public void onBar(Bar bar, Consumer<FlowSignal> out) {
                asOf = bar.tsEvent();
            }

            @Override
            public FlowSnapshot snapshot() {
                return new FlowSnapshot(asOf, 0, 0, 0, 0.5);
            }

            @Override
            public VolumeProfile profile(long fromNanos, long toNanos) {
                return new VolumeProfile(0, 0, 0, 0, List.of(), List.of(), List.of());
            }
        };
    }
}
