package dev.flof.orderflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.orderflow.cli.FlowCommand;
import dev.flof.orderflow.plugin.OrderflowAnalyzer;
import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.FlowAnalyzer;
import dev.flof.spi.ext.Params;
import dev.flof.spi.flow.FlowSignal;
import dev.flof.spi.flow.VolumeProfile;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import dev.flof.spi.calendar.SessionWindow;
import dev.flof.spi.calendar.TradingCalendar;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SPI extension: fixed-point in, ticks inside, fixed-point and instrument units out; the extension index. */
class PluginTest {
    static final Instrument ES = new Instrument("ESH4", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.SCALE,
            MarketProfile.ES, "CME_GLOBEX_EQUITY");
    private final List<FlowSignal> signals = new ArrayList<>();

    private static Trade trade(long ts, long seq, String px, long lots, Side side) {
        return new Trade("ESH4", ts, ts, seq, Fixed.parse(px), Fixed.ofUnits(lots), side, AggressorRule.VENUE);
    }

    @Test
    void largePrintThroughTheSpi() {
        FlowAnalyzer.Engine e = new OrderflowAnalyzer().create(ES, null, Params.empty("flow"));
        long ts = 1_700_000_000_000_000_000L;
        String[] px = {"5000.00", "5000.00", "5000.25", "5000.25", "5000.50", "5000.50"};
        for (int i = 0; i < px.length; i++) {
            e.onTrade(trade(ts, i, px[i], 50, Side.BUY), signals::add);
        }
        e.onTrade(trade(ts, 9, "5000.25", 5, Side.SELL), signals::add);
        assertEquals(1, signals.size());
        FlowSignal s = signals.get(0);
        assertEquals("LARGE_PRINT", s.type());
        assertEquals(Side.BUY, s.side());
        assertEquals(Fixed.parse("5000.00"), s.price());
        assertEquals(300.0, s.values().get("size"));
        assertEquals(5000.5, s.values().get("highPrice"));
        assertEquals(Fixed.ofUnits(295), e.snapshot().cvd());
    }

    @Test
    void profileAndSnapshotThroughTheSpi() {
        FlowAnalyzer.Engine e = new OrderflowAnalyzer().create(ES, null, Params.empty("flow"));
        long ts = 1_700_000_000_000_000_000L;
        int[] vols = {20, 30, 0, 50, 10};
        String[] px = {"5000.00", "5000.25", "5000.50", "5000.75", "5001.00"};
        for (int i = 0; i < px.length; i++) {
            if (vols[i] > 0) {
                e.onTrade(trade(ts + i, i, px[i], vols[i], Side.BUY), signals::add);
            }
        }
        e.onTrade(trade(ts + 9, 9, "5000.10", 1, Side.BUY), signals::add); // off grid: rejected
        VolumeProfile p = e.profile(ts - 1, ts + 100);
        assertEquals(Fixed.parse("5000.75"), p.poc());
        assertEquals(Fixed.parse("5000.25"), p.valueAreaLow());
        assertEquals(Fixed.parse("5000.75"), p.valueAreaHigh());
        assertEquals(Fixed.ofUnits(110), p.totalVolume());
        assertEquals(List.of(Fixed.parse("5000.50")), p.lowVolumeNodes());
        assertEquals(Fixed.parse("5000.50"), p.lvnZones().get(0)[0]);
        assertEquals(Fixed.ofUnits(110), e.snapshot().cvd());
        assertEquals(ts + 4, e.snapshot().asOf());
    }

    @Test
    void barHookClosesTheFootprint() {
        FlowAnalyzer.Engine e = new OrderflowAnalyzer().create(ES, null, Params.empty("flow"));
        long bar = 1_700_000_040_000_000_000L;
        e.onTrade(trade(bar + 1, 0, "5000.00", 20, Side.BUY), signals::add);
        for (String p : new String[] {"5000.25", "5000.50", "5000.75"}) {
            e.onTrade(trade(bar + 2, 1, p, 30, Side.BUY), signals::add);
        }
        e.onQuote(new Quote("ESH4", bar + 3, bar + 3, 5, Fixed.parse("5000.50"), Fixed.ofUnits(5),
                Fixed.parse("5000.75"), Fixed.ofUnits(5)), signals::add);
        assertTrue(signals.stream().noneMatch(s -> s.type().equals("STACKED_IMBALANCE")));
        long end = bar + 60_000_000_000L;
        e.onBar(new Bar("ESH4", Timeframe.M1, bar, end, end, 0, Fixed.parse("5000.00"), Fixed.parse("5000.75"),
                Fixed.parse("5000.00"), Fixed.parse("5000.75"), Fixed.ofUnits(110), Fixed.ofUnits(110), 0, 4,
                Fixed.parse("5000.50")), signals::add);
        FlowSignal s = signals.stream().filter(x -> x.type().equals("STACKED_IMBALANCE")).findFirst().orElseThrow();
        assertEquals(end, s.tsEvent());
        assertEquals(3.0, s.values().get("levels"));
        assertEquals(5000.25, s.values().get("lowPrice"));
    }

    @Test
    void configOverridesAreAppliedAndUnknownKeysRejected() {
        FlowAnalyzer.Engine e = new OrderflowAnalyzer().create(ES, null,
                new Params("flow.es", Map.of("large-print-size", "100")));
        long ts = 1_700_000_000_000_000_000L;
        e.onTrade(trade(ts, 0, "5000.00", 120, Side.SELL), signals::add);
        e.onTrade(trade(ts + 1, 1, "5000.00", 1, Side.SELL), signals::add);
        assertEquals(1, signals.size(), "120 lots >= 100 configured");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new OrderflowAnalyzer()
                .create(ES, null, new Params("flow.es", Map.of("imbalance-ration", "3"))));
        assertTrue(ex.getMessage().startsWith("flow.es.imbalance-ration: unknown"), ex.getMessage());
        IllegalArgumentException tick = assertThrows(IllegalArgumentException.class, () -> new OrderflowAnalyzer()
                .create(ES, null, new Params("flow.es", Map.of("absorption-tolerance", "0.1"))));
        assertTrue(tick.getMessage().contains("absorption-tolerance"), tick.getMessage());
    }

    /** A Globex-like calendar: the trading day rolls at 18:00 New York. */
    static final class GlobexCalendar implements TradingCalendar {
        static final ZoneId NY = ZoneId.of("America/New_York");

        @Override
        public String id() {
            return "TEST_GLOBEX";
        }

        @Override
        public ZoneId zone() {
            return NY;
        }

        @Override
        public LocalDate tradingDay(long ts) {
            return Instant.ofEpochSecond(ts / 1_000_000_000L).atZone(NY).plusHours(6).toLocalDate();
        }

        @Override
        public long tradingDayStart(LocalDate day) {
            return day.minusDays(1).atTime(18, 0).atZone(NY).toEpochSecond() * 1_000_000_000L;
        }

        @Override
        public boolean isOpen(long ts) {
            return true;
        }

        @Override
        public boolean isRegularHours(long ts) {
            return false;
        }

        @Override
        public List<SessionWindow> sessions() {
            return List.of();
        }
    }

    @Test
    void cvdResetsAtTheCalendarsTradingDayRoll() {
        FlowAnalyzer.Engine e = new OrderflowAnalyzer().create(ES, new GlobexCalendar(), Params.empty("flow"));
        long roll = LocalDate.of(2024, 3, 5).atTime(18, 0).atZone(GlobexCalendar.NY).toEpochSecond() * 1_000_000_000L;
        e.onTrade(trade(roll - 3_600_000_000_000L, 0, "5000.00", 10, Side.BUY), signals::add);
        e.onTrade(trade(roll - 1_000_000L, 1, "5000.00", 4, Side.SELL), signals::add);
        assertEquals(Fixed.ofUnits(6), e.snapshot().cvd(), "17:59:59.999 New York is still the old session");
        e.onTrade(trade(roll, 2, "5000.00", 3, Side.SELL), signals::add);
        assertEquals(Fixed.ofUnits(-3), e.snapshot().cvd(), "18:00 New York starts the next trading day");
    }

    @Test
    void zeroSizeTradeIsRejectedNotThrown() {
        FlowAnalyzer.Engine e = new OrderflowAnalyzer().create(ES, null, Params.empty("flow"));
        e.onTrade(new Trade("ESH4", 1, 1, 0, Fixed.parse("5000.00"), 0, Side.BUY, AggressorRule.VENUE), signals::add);
        assertEquals(0, e.snapshot().cvd());
        assertEquals(Long.MIN_VALUE, e.snapshot().asOf(), "nothing was accepted");
    }

    @Test
    void extensionsAreIndexed() throws IOException {
        Path idx = Path.of("target/classes/META-INF/extensions.idx");
        String text = Files.readString(idx);
        assertTrue(text.contains(OrderflowAnalyzer.class.getName()), text);
        assertTrue(text.contains(FlowCommand.class.getName()), text);
        assertEquals("orderflow", new OrderflowAnalyzer().id());
        assertEquals("flow", new FlowCommand().id());
    }
}
