package dev.flof.host.protect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.host.FlofException;
import dev.flof.host.config.ConfigLoader;
import dev.flof.host.config.FlofConfig;
import dev.flof.host.engine.EntryDesk;
import dev.flof.host.engine.PredatorSettings;
import dev.flof.host.journal.Journal;
import dev.flof.host.shocklab.Scenarios;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.BracketOrder;
import dev.flof.spi.order.Order;
import dev.flof.spi.order.OrderType;
import dev.flof.spi.order.TimeInForce;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry door with the protections (issue 11) and their configuration: hand-computed liquidation prices, the
 * session windows on the CME calendar, the news calendar file, and the calibration of the defaults against the
 * shock lab (the lab and the engine must run the same numbers).
 */
class ProtectedDeskTest {
    static final Instrument ES = new Instrument("ESZ6", "CME", Fixed.parse("0.25"), Fixed.ofUnits(50), Fixed.ofUnits(1),
            MarketProfile.ES, "CME_GLOBEX_EQUITY");
    static final Instrument BTC = new Instrument("BTCUSDT", "BINANCE", Fixed.parse("0.1"), Fixed.ofUnits(1), Fixed.parse("0.001"),
            MarketProfile.CRYPTO, "CRYPTO_24_7");

    /** An order manager stand-in that records what reaches it. */
    static final class Recorder implements EntryDesk {
        final List<String> sent = new ArrayList<>();

        @Override
        public String entryBlocked(String symbol) {
            return null;
        }

        @Override
        public boolean busy(String symbol) {
            return false;
        }

        @Override
        public String submitEntry(EntryTicket ticket, long nowNanos) {
            sent.add(ticket.setupId());
            return null;
        }

        @Override
        public void cancelUnfilledEntry(String symbol, String reason, long nowNanos) {
        }
    }

    static long at(String iso) {
        Instant i = Instant.parse(iso);
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }

    static EntryDesk.EntryTicket ticket(Instrument inst, String id, Side side, String entry, String stop) {
        Order e = new Order(id + "-E", inst.symbol(), side, OrderType.LIMIT, Fixed.ofUnits(1), Fixed.parse(entry), 0,
                TimeInForce.GTC, false);
        Order s = new Order(id + "-SL", inst.symbol(), side.opposite(), OrderType.STOP, Fixed.ofUnits(1), 0, Fixed.parse(stop),
                TimeInForce.GTC, true);
        return new EntryDesk.EntryTicket(id, inst.symbol(), side, "A+", List.of(), "test", "passive",
                new BracketOrder(id, e, s, null), "test");
    }

    static ProtectionSettings defaults() {
        return ProtectionSettings.from(new ConfigLoader().defaults().protect(), Path.of("."));
    }

    @Test
    void theLiquidationGuardChecksTheDistanceAtTheVenueLeverage() {
        Recorder inner = new Recorder();
        Journal journal = new Journal();
        ProtectedDesk desk = new ProtectedDesk(inner, defaults(), Map.of(BTC.symbol(), BTC), sym -> 5, journal);
        long now = at("2026-11-18T10:00:00Z");
        // 5x isolated long at 60000: liquidation 60000 x (1 - 1/5 + 0.004) = 48240, 11760 away.
        // stop 59400 (600 away): 3 x 600 = 1800 <= 11760 -> passes
        assertNull(desk.submitEntry(ticket(BTC, "A", Side.BUY, "60000", "59400"), now));
        // stop 56000 (4000 away): 3 x 4000 = 12000 > 11760 -> blocked
        String why = desk.submitEntry(ticket(BTC, "B", Side.BUY, "60000", "56000"), now);
        assertEquals("blocked by liquidation guard: liquidation at 48240 is 11760 from the entry, less than 3 x the stop"
                + " distance 4000", why);
        // 5x short at 60000: liquidation 60000 x (1 + 1/5 - 0.004) = 71760; stop 64000 (4000 away) -> 11760 < 12000
        assertTrue(desk.submitEntry(ticket(BTC, "C", Side.SELL, "60000", "64000"), now).startsWith("blocked by liquidation guard"));
        assertEquals(List.of("A"), inner.sent);
        assertEquals(2L, journal.counters().get("protect: entries blocked by liquidation guard"));
        // the cap: the same safe trade at 6x is refused before any distance is computed
        ProtectedDesk six = new ProtectedDesk(inner, defaults(), Map.of(BTC.symbol(), BTC), sym -> 6, null);
        assertEquals("blocked by liquidation guard: leverage 6x above the cap of 5x",
                six.submitEntry(ticket(BTC, "D", Side.BUY, "60000", "59400"), now));
        // futures are not vetted by the crypto guard
        ProtectedDesk es = new ProtectedDesk(inner, defaults(), Map.of(ES.symbol(), ES), sym -> 50, null);
        assertNull(es.submitEntry(ticket(ES, "E", Side.BUY, "5000", "4995"), at("2026-11-17T15:00:00Z")));
    }

    @Test
    void theSessionPolicyUsesTheCmeCalendar() {
        Recorder inner = new Recorder();
        ProtectedDesk desk = new ProtectedDesk(inner, defaults(), Map.of(ES.symbol(), ES, BTC.symbol(), BTC), sym -> 1, null);
        // Tuesday 2026-11-17, CST (UTC-6): the maintenance break at 16:00 CT = 22:00 UTC; entries stop at 15:45 CT
        assertNull(desk.blocked(ES.symbol(), Side.BUY, Fixed.parse("5000"), Fixed.parse("4995"), at("2026-11-17T21:44:59Z")));
        assertTrue(desk.blocked(ES.symbol(), Side.BUY, Fixed.parse("5000"), Fixed.parse("4995"), at("2026-11-17T21:45:00Z"))
                .startsWith("blocked by session policy: within 15 min of the maintenance break"));
        // Friday 2026-11-20: the weekend close
        assertTrue(desk.blocked(ES.symbol(), Side.BUY, Fixed.parse("5000"), Fixed.parse("4995"), at("2026-11-20T21:50:00Z"))
                .contains("weekend close"));
        // crypto trades through the ES break
        assertNull(desk.blocked(BTC.symbol(), Side.BUY, Fixed.parse("60000"), Fixed.parse("59400"), at("2026-11-20T21:50:00Z")));
        // the default does not force flat before the weekend; configured, it does from 15:50 CT
        assertTrue(!desk.mustBeFlat(ES.symbol(), at("2026-11-20T21:55:00Z")));
        ProtectedDesk flat = new ProtectedDesk(inner, defaults().withSession(new EsSessionPolicy(15, true, 10)),
                Map.of(ES.symbol(), ES), sym -> 1, null);
        assertTrue(!flat.mustBeFlat(ES.symbol(), at("2026-11-20T21:49:59Z")));
        assertTrue(flat.mustBeFlat(ES.symbol(), at("2026-11-20T21:50:00Z")));
        assertTrue(!flat.mustBeFlat(ES.symbol(), at("2026-11-19T21:55:00Z")), "Thursday's close is only the break");
    }

    @Test
    void theNewsCalendarFileIsReadFromTheConfigurationAndABadLineNamesFileAndLine(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("news.csv"), List.of("# FOMC", "2026-12-16T19:00:00Z,FOMC,10,30"));
        FlofConfig ok = new ConfigLoader().load(Optional.empty(), Map.of("protect.newsCalendar", "news.csv"));
        ProtectionSettings p = ProtectionSettings.from(ok.protect(), dir);
        assertEquals(1, p.blackout().releases().size());
        // 19:00 UTC = 14:00 ET; blocked from 18:50 to 19:30 UTC
        assertEquals("news blackout FOMC 14:00 ET (2026-12-16T19:00:00Z, -10/+30 min)", p.blackout().entryBlocked(at("2026-12-16T18:50:00Z")));
        assertNull(p.blackout().entryBlocked(at("2026-12-16T19:30:00Z")));

        Files.write(dir.resolve("bad.csv"), List.of("2026-12-16T19:00:00Z,FOMC,10,30", "2026-12-17 13:30,CPI,5,15"));
        FlofConfig bad = new ConfigLoader().load(Optional.empty(), Map.of("protect.newsCalendar", "bad.csv"));
        FlofException e = assertThrows(FlofException.class, () -> ProtectionSettings.from(bad.protect(), dir));
        assertTrue(e.getMessage().startsWith("protect.newsCalendar: " + dir.resolve("bad.csv") + ":2:"), e.getMessage());

        FlofConfig missing = new ConfigLoader().load(Optional.empty(), Map.of("protect.newsCalendar", "nope.csv"));
        FlofException m = assertThrows(FlofException.class, () -> ProtectionSettings.from(missing.protect(), dir));
        assertTrue(m.getMessage().contains("nope.csv"), m.getMessage());
    }

    @Test
    void badProtectKeysAreConfigErrorsWithTheKey() {
        var e = assertThrows(dev.flof.host.config.ConfigException.class,
                () -> new ConfigLoader().load(Optional.empty(), Map.of("protect.cryptoMaxLeverage", "0")));
        assertTrue(e.getMessage().contains("protect.cryptoMaxLeverage"), e.getMessage());
        var g = assertThrows(dev.flof.host.config.ConfigException.class,
                () -> new ConfigLoader().load(Optional.empty(), Map.of("predator.profiles.es.gapMinPoints", "'-1'")));
        assertTrue(g.getMessage().contains("predator.profiles.es.gapMinPoints"), g.getMessage());
    }

    @Test
    void theDefaultsAreTheShockLabsNumbers() {
        ProtectionSettings d = defaults();
        // the lab's ES and BTC settings (docs/shock-lab.md): 500 ms grace, no entries 15 min before the close, 5x cap,
        // liquidation 3 stop distances away at a 0.4 % maintenance margin
        assertEquals(Scenarios.esSettings().escalationGraceNanos(), d.stopEscalationGraceNanos());
        assertEquals(Scenarios.esSettings().session().noEntryMinutes(), d.session().noEntryMinutes());
        assertEquals(Scenarios.btcSettings().liquidation(), d.liquidation());
        assertEquals(new LiquidationGuard(5, new BigDecimal("0.004"), new BigDecimal("3")), d.liquidation());
    }

    @Test
    void gapRiskSizingIsCalibratedToTheLabsGapAllowance() {
        FlofConfig c = new ConfigLoader().defaults();
        PredatorSettings es = PredatorSettings.from(c, "es");
        PredatorSettings crypto = PredatorSettings.from(c, "crypto");
        long quietEsAtr = Fixed.parse("1");
        // ES: 3 x ATR 1.00 = 3 points, below the 10-point floor: the allowance is the lab's 10 points
        assertEquals(Scenarios.esSettings().gapAllowance(), es.gapAllowance(quietEsAtr, Fixed.parse("5000")));
        assertEquals(Fixed.parse("10"), es.gapAllowance(quietEsAtr, Fixed.parse("5000")));
        // a wild ATR of 5 points: 3 x 5 = 15 > 10, the ATR term wins
        assertEquals(Fixed.parse("15"), es.gapAllowance(Fixed.parse("5"), Fixed.parse("5000")));
        // BTC at 60000: 1 % = 600, the lab's allowance; 6 x ATR 50 = 300 is below it
        assertEquals(Scenarios.btcSettings().gapAllowance(), crypto.gapAllowance(Fixed.parse("50"), Fixed.parse("60000")));
        assertEquals(Fixed.parse("600"), crypto.gapAllowance(Fixed.parse("50"), Fixed.parse("60000")));
    }
}
