package dev.flof.risk.sizing;

import static dev.flof.risk.TestInstruments.BTC;
import static dev.flof.risk.TestInstruments.ES;
import static dev.flof.risk.TestInstruments.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.ext.PositionSizer.Decision;
import dev.flof.spi.ext.PositionSizer.Request;
import dev.flof.spi.market.Fixed;
import org.junit.jupiter.api.Test;

/** Known answers computed by hand in the comments. */
class RiskBudgetSizerTest {
    private final RiskBudgetSizer sizer = new RiskBudgetSizer();

    private static long units(long n) {
        return Fixed.ofUnits(n);
    }

    @Test
    void esRiskBudgetBinds() {
        // 100 000 x 1.5 % = 1 500 USD; stop 4 pt x 50 = 200 USD/contract -> 7.5 -> 7 contracts.
        // gap: (4 + 6) pt x 50 = 500 USD/contract within 10 000 -> 20; max 20.
        Decision d = sizer.size(new Request(ES, px("4500.00"), px("4496.00"), 0.015, 1.0, units(100_000),
                px("6"), units(10_000), units(20)));
        assertEquals(units(7), d.quantity(), d.reason());
        assertTrue(d.reason().contains("risk budget"), d.reason());
    }

    @Test
    void esBGradeTradesHalfRisk() {
        // 750 / 200 = 3.75 -> 3
        Decision d = sizer.size(new Request(ES, px("4500.00"), px("4496.00"), 0.015, 0.5, units(100_000),
                px("6"), units(10_000), units(20)));
        assertEquals(units(3), d.quantity(), d.reason());
    }

    @Test
    void esShortUsesTheDistanceOnly() {
        // short at 4500, stop 4503.25: 3.25 pt x 50 = 162.5/contract; 1 500 / 162.5 = 9.23 -> 9
        Decision d = sizer.size(new Request(ES, px("4500.00"), px("4503.25"), 0.015, 1.0, units(100_000),
                px("0"), units(10_000), units(20)));
        assertEquals(units(9), d.quantity(), d.reason());
    }

    @Test
    void esGapCapBinds() {
        // 3 000 / 500 = 6 contracts < 7 by risk
        Decision d = sizer.size(new Request(ES, px("4500.00"), px("4496.00"), 0.015, 1.0, units(100_000),
                px("6"), units(3_000), units(20)));
        assertEquals(units(6), d.quantity(), d.reason());
        assertTrue(d.reason().contains("gap-risk cap"), d.reason());
    }

    @Test
    void esMaxPositionBinds() {
        Decision d = sizer.size(new Request(ES, px("4500.00"), px("4496.00"), 0.015, 1.0, units(100_000),
                px("6"), units(10_000), units(2)));
        assertEquals(units(2), d.quantity(), d.reason());
        assertTrue(d.reason().contains("maximum position"), d.reason());
    }

    @Test
    void gapCapBelowOneLotIsNoTradeWithReason() {
        // 400 / 500 = 0.8 contract
        Decision d = sizer.size(new Request(ES, px("4500.00"), px("4496.00"), 0.015, 1.0, units(100_000),
                px("6"), units(400), units(20)));
        assertEquals(0, d.quantity());
        assertTrue(d.reason().startsWith("no trade: gap-risk cap cuts size below one lot"), d.reason());
    }

    @Test
    void riskBudgetBelowOneLotIsNoTrade() {
        // 10 000 x 1 % = 100 USD < 200 USD for one contract
        Decision d = sizer.size(new Request(ES, px("4500.00"), px("4496.00"), 0.01, 1.0, units(10_000),
                px("6"), units(10_000), units(20)));
        assertEquals(0, d.quantity());
        assertTrue(d.reason().contains("risk budget cuts size below one lot"), d.reason());
    }

    @Test
    void btcInQuoteCurrencyRoundsDownToTheLot() {
        // 10 000 USDT x 1 % = 100; stop 149.5 USDT/BTC -> 0.668896... -> 0.668 BTC (lot 0.001)
        Decision d = sizer.size(new Request(BTC, px("60000.0"), px("59850.5"), 0.01, 1.0, units(10_000),
                px("0"), units(1_000), units(5)));
        assertEquals(px("0.668"), d.quantity(), d.reason());
    }

    @Test
    void btcGapCap() {
        // risk: 100 / 200 = 0.5 BTC; gap: 500 / (200 + 1200) = 0.357142.. -> 0.357 BTC
        Decision d = sizer.size(new Request(BTC, px("60000.0"), px("59800.0"), 0.01, 1.0, units(10_000),
                px("1200"), units(500), units(5)));
        assertEquals(px("0.357"), d.quantity(), d.reason());
        assertTrue(d.reason().contains("gap-risk cap"));
    }

    @Test
    void refusals() {
        assertEquals(0, sizer.size(new Request(ES, px("4500"), px("4500"), 0.01, 1, units(100_000), 0, units(1000), units(5))).quantity());
        assertEquals(0, sizer.size(new Request(ES, px("4500"), px("4496"), 0.03, 1, units(100_000), 0, units(1000), units(5))).quantity());
        assertEquals(0, sizer.size(new Request(ES, px("4500"), px("4496"), 0.01, 0, units(100_000), 0, units(1000), units(5))).quantity());
        assertEquals(0, sizer.size(new Request(ES, px("4500"), px("4496"), 0.01, 1, units(100_000), 0, 0, units(5))).quantity());
        assertEquals(0, sizer.size(new Request(ES, px("4500"), px("4496"), 0.01, 1, units(100_000), 0, units(1000), 0)).quantity());
        Decision zero = sizer.size(new Request(ES, px("4500"), px("4500"), 0.01, 1, units(100_000), 0, units(1000), units(5)));
        assertTrue(zero.reason().contains("stop distance is zero"), zero.reason());
        Decision exhausted = sizer.size(new Request(ES, px("4500"), px("4496"), 0.01, 1, units(100_000), 0, units(-5), units(5)));
        assertTrue(exhausted.reason().contains("daily loss budget exhausted"), exhausted.reason());
    }
}
