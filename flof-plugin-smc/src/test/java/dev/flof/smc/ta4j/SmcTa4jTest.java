package dev.flof.smc.ta4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flof.smc.TestData;
import dev.flof.smc.engine.SmcConfig;
import dev.flof.smc.model.SmcBar;
import dev.flof.spi.market.Fixed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.Indicator;
import org.ta4j.core.Rule;
import org.ta4j.core.num.Num;

/**
 * The ta4j view over a plain BarSeries, checked against the reference event dump of the golden ETH 5m bars
 * (spec §7.2 example, written by an independent implementation): values at bar i reflect exactly the events
 * known by bar i.
 */
class SmcTa4jTest {
    static BarSeries eth() {
        BarSeries s = new BaseBarSeriesBuilder().withName("ETH 5m").build();
        for (SmcBar b : TestData.eth5m()) {
            s.barBuilder().timePeriod(Duration.ofMinutes(5)).endTime(Instant.ofEpochSecond(b.closeTime() / 1_000_000_000L))
                    .openPrice(Fixed.toDecimal(b.open())).highPrice(Fixed.toDecimal(b.high())).lowPrice(Fixed.toDecimal(b.low()))
                    .closePrice(Fixed.toDecimal(b.close())).volume(Fixed.toDecimal(b.volume())).add();
        }
        return s;
    }

    static JsonNode reference() throws Exception {
        return new ObjectMapper().readTree(TestData.golden().resolve("eth5m.L5.stream-events.json").toFile());
    }

    static boolean isNaN(Num n) {
        return n.isNaN();
    }

    @Test
    void swingTrendAndBreaksFollowTheReferenceDump() throws Exception {
        BarSeries s = eth();
        SmcSeriesAnalysis a = new SmcSeriesAnalysis(s, SmcConfig.parity(5), null);
        SmcIndicators ind = new SmcIndicators(a);
        SmcRules rules = new SmcRules(a);
        Indicator<Num> hi = ind.swingHigh(0);
        Indicator<Num> lo = ind.swingLow(0);
        Indicator<Num> trend = ind.trend(0);
        Rule bullBreak = rules.structureBreak(0, 1);
        JsonNode ref = reference();
        BigDecimal expHi = null;
        BigDecimal expLo = null;
        int expTrend = 0;
        int breaks = 0;
        for (int i = 0; i <= s.getEndIndex(); i++) {
            for (JsonNode e : ref.get("swing_events")) {
                if (e.get("known_at_i").asInt() == i && !e.get("event").asText().equals("discarded")) {
                    BigDecimal lv = new BigDecimal(e.get("level").asText());
                    if (e.get("type").asInt() > 0) {
                        expHi = lv;
                    } else {
                        expLo = lv;
                    }
                }
            }
            boolean bull = false;
            for (JsonNode b : ref.get("breaks")) {
                if (b.get("break_i").asInt() == i) {
                    expTrend = b.get("dir").asInt();
                    bull |= expTrend > 0;
                    breaks++;
                }
            }
            if (expHi == null) {
                assertTrue(isNaN(hi.getValue(i)), "no swing high known at " + i);
            } else {
                assertEquals(0, expHi.compareTo(hi.getValue(i).bigDecimalValue()), "swing high at " + i);
            }
            if (expLo == null) {
                assertTrue(isNaN(lo.getValue(i)));
            } else {
                assertEquals(0, expLo.compareTo(lo.getValue(i).bigDecimalValue()), "swing low at " + i);
            }
            assertEquals(expTrend, trend.getValue(i).intValue(), "trend at " + i);
            assertEquals(bull, bullBreak.isSatisfied(i), "bullish break at " + i);
        }
        assertEquals(29, breaks);
    }

    @Test
    void zoneFlagsFollowTheReferenceLifecycles() throws Exception {
        BarSeries s = eth();
        SmcSeriesAnalysis a = new SmcSeriesAnalysis(s, SmcConfig.parity(5), null);
        SmcIndicators ind = new SmcIndicators(a);
        SmcRules rules = new SmcRules(a);
        List<SmcBar> bars = TestData.eth5m();
        JsonNode ref = reference();
        int bullFvgHits = 0;
        int obHits = 0;
        for (int i = 0; i < bars.size(); i++) {
            SmcBar b = bars.get(i);
            boolean[] fvg = new boolean[2];
            for (JsonNode f : ref.get("fvgs")) {
                long top = Fixed.parse(f.get("top").asText());
                long bottom = Fixed.parse(f.get("bottom").asText());
                boolean open = f.get("known_at_i").asInt() < i && (f.get("filled_i").isNull() || f.get("filled_i").asInt() >= i);
                if (open && b.low() <= top && b.high() >= bottom) {
                    fvg[f.get("dir").asInt() > 0 ? 0 : 1] = true;
                }
            }
            boolean[] ob = new boolean[2];
            for (JsonNode o : ref.get("obs")) {
                long top = Fixed.parse(o.get("top").asText());
                long bottom = Fixed.parse(o.get("bottom").asText());
                boolean live = o.get("known_at_i").asInt() < i
                        && (o.get("invalidated_i").isNull() || o.get("invalidated_i").asInt() >= i);
                if (live && b.low() <= top && b.high() >= bottom) {
                    ob[o.get("dir").asInt() > 0 ? 0 : 1] = true;
                }
            }
            assertEquals(fvg[0], ind.inFvg(1).getValue(i), "bullish FVG at " + i);
            assertEquals(fvg[1], ind.inFvg(-1).getValue(i), "bearish FVG at " + i);
            assertEquals(ob[0], rules.inOrderBlock(1).isSatisfied(i), "bullish OB at " + i);
            assertEquals(ob[1], rules.inOrderBlock(-1).isSatisfied(i), "bearish OB at " + i);
            bullFvgHits += fvg[0] ? 1 : 0;
            obHits += ob[0] || ob[1] ? 1 : 0;
        }
        assertTrue(bullFvgHits > 20 && obHits > 20, bullFvgHits + " / " + obHits);
    }

    @Test
    void rulesComposeAndPremiumDiscountIsConsistent() {
        BarSeries s = eth();
        SmcSeriesAnalysis a = new SmcSeriesAnalysis(s, SmcConfig.parity(5), null);
        SmcIndicators ind = new SmcIndicators(a);
        SmcRules rules = new SmcRules(a);
        Rule entry = rules.trend(0, 1).and(rules.discount(0.5));
        int satisfied = 0;
        for (int i = 0; i <= s.getEndIndex(); i++) {
            Num pd = ind.premiumDiscount().getValue(i);
            boolean disc = !pd.isNaN() && pd.doubleValue() <= 0.5;
            assertEquals(disc, rules.discount(0.5).isSatisfied(i));
            assertEquals(!pd.isNaN() && pd.doubleValue() >= 0.5, rules.premium(0.5).isSatisfied(i));
            boolean expected = ind.trend(0).getValue(i).intValue() == 1 && disc;
            assertEquals(expected, entry.isSatisfied(i));
            satisfied += expected ? 1 : 0;
        }
        assertTrue(satisfied > 0);
        assertTrue(ind.premiumDiscount().getValue(10).isNaN(), "no dealing range before the first two swings");
    }

    @Test
    void valuesOnAGrowingSeriesEqualValuesOnTheFullSeries() {
        BarSeries full = eth();
        SmcIndicators fi = new SmcIndicators(new SmcSeriesAnalysis(full, SmcConfig.parity(5), null));
        BarSeries grow = new BaseBarSeriesBuilder().withName("grow").build();
        SmcIndicators gi = new SmcIndicators(new SmcSeriesAnalysis(grow, SmcConfig.parity(5), null));
        for (int i = 0; i <= full.getEndIndex(); i++) {
            grow.addBar(full.getBar(i));
            assertEquals(fi.swingHigh(0).getValue(i).toString(), gi.swingHigh(0).getValue(i).toString());
            assertEquals(fi.inFvg(-1).getValue(i), gi.inFvg(-1).getValue(i));
        }
    }
}
