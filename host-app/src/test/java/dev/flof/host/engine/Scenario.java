package dev.flof.host.engine;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.StructureAnalyzer;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.flow.FlowSnapshot;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.structure.Bias;
import dev.flof.spi.structure.MarketMap;
import dev.flof.spi.structure.PointOfInterest;
import dev.flof.spi.structure.StructureEvent;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * A small DSL for crafted, deterministic event streams: prints at New York times of one ES trading day,
 * scripted structure facts (emitted at a 1-minute bar's close, as the real engine would), scripted order-flow
 * signals (emitted with the print that completes them) and a scripted tape speed. Prices are decimal text.
 */
final class Scenario {
    static final ZoneId NY = ZoneId.of("America/New_York");
    /** A Tuesday after the DST change: 10:00 New York = 15:00 UTC. */
    static final LocalDate DAY = LocalDate.of(2025, 11, 4);
    static final Instrument ES = new Instrument("ESZ5", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1),
            MarketProfile.ES, "CME_GLOBEX_EQUITY");
    /** Prints are 100 contracts each, so a print fills any order of the scenarios at once. */
    /** The demand order block every scenario stalks: 5000.00-5002.00 on the 1H chart. */
    static final PointOfInterest DEMAND = new PointOfInterest("OB:1H:1", Timeframe.H1, "OB", 1, px("5002"), px("5000"), 0, 0,
            "ACTIVE");

    final List<Event> events = new ArrayList<>();
    final TreeMap<Long, List<StructureEvent>> structureAtClose = new TreeMap<>();
    final TreeMap<Long, List<FlowSignal>> signalsAt = new TreeMap<>();
    final TreeMap<Long, Double> speedFrom = new TreeMap<>();
    List<PointOfInterest> pois = List.of(DEMAND);
    Map<Timeframe, Bias> bias = Map.of(Timeframe.D1, Bias.BULLISH, Timeframe.H4, Bias.BULLISH);
    private long seq;

    static long px(String s) {
        return Fixed.parse(s);
    }

    /** ns of a New York wall time of {@link #DAY}. */
    static long t(String hhmmss) {
        return ZonedDateTime.of(DAY, LocalTime.parse(hhmmss), NY).toInstant().toEpochMilli() * 1_000_000L;
    }

    Scenario trade(String time, String price) {
        long ts = t(time);
        events.add(new Trade(ES.symbol(), ts, ts, ++seq, px(price), Fixed.ofUnits(100), Side.BUY, AggressorRule.VENUE));
        return this;
    }

    /** Prints at {@code from}, then every {@code stepSeconds}. */
    Scenario trades(String from, int stepSeconds, String... prices) {
        LocalTime t0 = LocalTime.parse(from);
        for (int i = 0; i < prices.length; i++) {
            trade(t0.plusSeconds((long) i * stepSeconds).toString(), prices[i]);
        }
        return this;
    }

    /** The warm-up: 09:40-09:55, each minute prints 5010, 5012, 5011 (true range 2.00, so ATR(1m) = 2.00). */
    Scenario warmUp() {
        for (int m = 40; m <= 55; m++) {
            trades("09:" + m + ":00", 20, "5010", "5012", "5011");
        }
        return this;
    }

    Scenario quote(String time, String bid, String ask) {
        long ts = t(time);
        events.add(new Quote(ES.symbol(), ts, ts, ++seq, px(bid), Fixed.ofUnits(10), px(ask), Fixed.ofUnits(10)));
        return this;
    }

    Scenario venue(String time, VenueStatus.Kind kind) {
        long ts = t(time);
        events.add(new VenueStatus("CME", ts, ts, ++seq, kind, "scripted"));
        return this;
    }

    /** A signal emitted with the print at {@code time} (there must be one). */
    Scenario signal(String time, String type, Side side, String price) {
        signalsAt.computeIfAbsent(t(time), k -> new ArrayList<>())
                .add(new FlowSignal(ES.symbol(), type, t(time), side, price == null ? 0 : px(price), Map.of()));
        return this;
    }

    Scenario signal(String time, String type, Side side, String price, Map<String, Double> values) {
        signalsAt.computeIfAbsent(t(time), k -> new ArrayList<>())
                .add(new FlowSignal(ES.symbol(), type, t(time), side, price == null ? 0 : px(price), values));
        return this;
    }

    /** Structure facts known at the close of the 1-minute bar ending at {@code closeTime}. */
    Scenario structure(String closeTime, String type, int direction, String top, String bottom, String subject) {
        long close = t(closeTime);
        structureAtClose.computeIfAbsent(close, k -> new ArrayList<>()).add(new StructureEvent(ES.symbol(), Timeframe.M1, type,
                direction, px(top), px(bottom), close - 60_000_000_000L, close, subject));
        return this;
    }

    /** From {@code time} on, the tape runs at {@code ratio} times its baseline. */
    Scenario speed(String time, double ratio) {
        speedFrom.put(t(time), ratio);
        return this;
    }

    List<Event> sorted() {
        List<Event> out = new ArrayList<>(events);
        out.sort((a, b) -> {
            int c = Long.compare(a.tsRecv(), b.tsRecv());
            return c != 0 ? c : Long.compare(a.sequence(), b.sequence());
        });
        return out;
    }

    /** The structure engine of the scenario: the fixed map, and the scripted facts at their bars' close. */
    StructureAnalyzer.Engine structureEngine() {
        return new StructureAnalyzer.Engine() {
            long asOf;
            long last;

            @Override
            public void onBar(Bar bar, Consumer<StructureEvent> out) {
                asOf = bar.tsEvent();
                last = bar.close();
                if (bar.timeframe() == Timeframe.M1) {
                    structureAtClose.getOrDefault(bar.tsEvent(), List.of()).forEach(out);
                }
            }

            @Override
            public MarketMap map() {
                return new MarketMap(ES.symbol(), asOf, last, bias, pois, List.of(), Double.NaN);
            }
        };
    }

    /** The flow engine of the scenario: scripted signals with their prints, scripted speed. */
    FlowAnalyzer.Engine flowEngine() {
        return new FlowAnalyzer.Engine() {
            long now;

            @Override
            public void onTrade(Trade trade, Consumer<FlowSignal> out) {
                now = trade.tsEvent();
                signalsAt.getOrDefault(trade.tsEvent(), List.of()).forEach(out);
            }

            @Override
            public void onQuote(Quote quote, Consumer<FlowSignal> out) {
            }

            @Override
            public void onBar(Bar bar, Consumer<FlowSignal> out) {
            }

            @Override
            public FlowSnapshot snapshot() {
                Map.Entry<Long, Double> e = speedFrom.floorEntry(now);
                double ratio = e == null ? 1.0 : e.getValue();
                return new FlowSnapshot(now, 0, ratio * 2.0, 2.0, 0.5);
            }

            @Override
            public VolumeProfile profile(long fromNanos, long toNanos) {
                return new VolumeProfile(0, 0, 0, 0, List.of(), List.of(), List.of());
            }
        };
    }
}
