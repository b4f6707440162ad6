package dev.flof.host.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine's daily loss budget rolls with the overlord's trading day and remembers losses taken before a decision. */
class RiskWiringTest {
    static long at(String instant) {
        Instant i = Instant.parse(instant);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static Instrument instrument(String symbol, MarketProfile profile, String calendar) {
        return new Instrument(symbol, "X", Fixed.parse("0.25"), Fixed.ofUnits(profile == MarketProfile.ES ? 50 : 1),
                Fixed.ofUnits(1), profile, calendar);
    }

    @Test
    void aLossBeforeTheDaysFirstDecisionStillCounts() {
        long[] equity = {Fixed.ofUnits(100_000)};
        RiskBudget b = RiskWiring.budget(() -> equity[0], Fixed.ofUnits(1_500),
                Map.of("BTCUSDT", instrument("BTCUSDT", MarketProfile.CRYPTO, "CRYPTO_24_7")), s -> "1");
        b.observe(at("2026-11-26T00:00:01Z"));          // the first heartbeat of the UTC day: 100,000
        equity[0] = Fixed.ofUnits(99_000);              // a stop-out at 00:30
        // the first setup at 09:00: 1,000 of the 1,500 are gone, 500 left (not 1,500 from 99,000)
        assertEquals(Fixed.ofUnits(500), b.lossBudgetLeft(at("2026-11-26T09:00:00Z")));
        b.observe(at("2026-11-27T00:00:00Z"));          // next day: a fresh budget from 99,000
        assertEquals(Fixed.ofUnits(1_500), b.lossBudgetLeft(at("2026-11-27T09:00:00Z")));
    }

    @Test
    void anEsAccountsDayStartsAt18NewYork() {
        ZoneId ny = ZoneId.of("America/New_York");
        LocalTime six = LocalTime.of(18, 0);
        // 2026-11-24 17:59 EST = 22:59 UTC belongs to the 24th; 18:00 EST = 23:00 UTC starts the 25th
        assertEquals(LocalDate.of(2026, 11, 24), RiskWiring.tradingDay(at("2026-11-24T22:59:59Z"), ny, six));
        assertEquals(LocalDate.of(2026, 11, 25), RiskWiring.tradingDay(at("2026-11-24T23:00:00Z"), ny, six));
        assertEquals(LocalDate.of(2026, 11, 25), RiskWiring.tradingDay(at("2026-11-25T15:00:00Z"), ny, six));

        long[] equity = {Fixed.ofUnits(50_000)};
        RiskBudget b = RiskWiring.budget(() -> equity[0], Fixed.ofUnits(1_000),
                Map.of("ESZ6", instrument("ESZ6", MarketProfile.ES, "CME_GLOBEX_EQUITY")), s -> "2");
        b.observe(at("2026-11-24T23:00:01Z"));          // the Globex evening open: day of the 25th, from 50,000
        equity[0] = Fixed.ofUnits(49_400);              // -600 overnight
        // 01:00 UTC is still the same ES trading day: 400 left (a UTC day would have restarted at midnight)
        assertEquals(Fixed.ofUnits(400), b.lossBudgetLeft(at("2026-11-25T01:00:00Z")));
        assertEquals(Fixed.ofUnits(2), b.maxQuantity("ESZ6"));
    }
}
