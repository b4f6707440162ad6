package dev.flof.host.bars;

import static dev.flof.host.bars.BarAggregatorTest.BTC;
import static dev.flof.host.bars.BarAggregatorTest.ES;
import static dev.flof.host.bars.BarAggregatorTest.t;
import static dev.flof.host.bars.BarAggregatorTest.tr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Side;
import dev.flof.spi.market.Timeframe;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BarMatrixTest {
    @Test
    void routesByInstrumentAndCalendarAndAdvancesOnQuotesAndTimers() {
        List<Bar> closed = new ArrayList<>();
        BarMatrix m = new BarMatrix(List.of(ES, BTC), EnumSet.of(Timeframe.M1, Timeframe.D1), 100, closed::add);
        // Saturday: crypto trades, ES is closed (a stray ES print is counted, not aggregated).
        m.onEvent(tr("BTCUSDT", "2024-03-16T10:00:30Z", "65000.00", 1, Side.BUY));
        m.onEvent(tr("ESM4", "2024-03-16T10:00:30Z", "5000.00", 1, Side.BUY));
        m.onEvent(tr("XYZ", "2024-03-16T10:00:30Z", "1.00", 1, Side.BUY));
        // A BTC quote at 10:01 closes the BTC minute; the timer at midnight closes the BTC day.
        m.onEvent(new Quote("BTCUSDT", t("2024-03-16T10:01:00Z"), t("2024-03-16T10:01:00Z"), 1,
                Fixed.parse("64999.99"), Fixed.ofUnits(1), Fixed.parse("65000.00"), Fixed.ofUnits(1)));
        assertEquals(1, closed.size());
        m.onEvent(new TimerEvent("eod", t("2024-03-17T00:00:00Z"), t("2024-03-17T00:00:00Z"), 2));
        assertEquals(List.of(Timeframe.M1, Timeframe.D1), closed.stream().map(Bar::timeframe).toList());
        assertEquals(List.of("BTCUSDT", "BTCUSDT"), closed.stream().map(Bar::symbol).toList());
        assertEquals(Map.of("ESM4: events outside trading hours dropped", 1L, "events of an instrument without bars ignored", 1L), m.counters());
    }
}
