package dev.flof.feeds.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values computed by hand from the isolated-margin formula in the class javadoc. */
class LiquidationGuardTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    private static final LiquidationGuard ONE_TIER = new LiquidationGuard(
            List.of(new LiquidationGuard.Tier(d("50000"), d("0.004"), d("0"))), d("0.5"));

    @Test
    void longAtTenTimesIsSafe() {
        // M = 30000/10 = 3000; LP = (3000 - 30000) / (0.5*0.004 - 0.5) = 27000/0.498 = 54216.867469879...
        LiquidationGuard.Decision dec = ONE_TIER.check(new LiquidationGuard.Proposal(true, d("60000"), d("57000"),
                d("0.5"), 10));
        assertEquals(LiquidationGuard.Action.OK, dec.action());
        assertEquals(10, dec.leverage());
        assertEquals(d("54216.86746988"), dec.liquidationPrice());
    }

    @Test
    void longAtTwentyTimesIsCutToTwelve() {
        // need LP <= 57000 - 0.5*3000 = 55500; LP(L) = 60000(1-1/L)/0.996: L=13 -> 55606.0, L=12 -> 55220.88
        LiquidationGuard.Decision dec = ONE_TIER.check(new LiquidationGuard.Proposal(true, d("60000"), d("57000"),
                d("0.5"), 20));
        assertEquals(LiquidationGuard.Action.REDUCE_LEVERAGE, dec.action());
        assertEquals(12, dec.leverage());
        assertEquals(d("0.5"), dec.quantity());
        assertEquals(d("55220.88353414"), dec.liquidationPrice());
    }

    @Test
    void shortAtTwentyTimesIsCutToTwelve() {
        // need LP >= 63000 + 1500 = 64500; LP(L) = 60000(1+1/L)/1.004: L=13 -> 64358.0, L=12 -> 64741.04
        LiquidationGuard.Decision dec = ONE_TIER.check(new LiquidationGuard.Proposal(false, d("60000"), d("63000"),
                d("0.5"), 20));
        assertEquals(LiquidationGuard.Action.REDUCE_LEVERAGE, dec.action());
        assertEquals(12, dec.leverage());
        assertEquals(d("64741.03585657"), dec.liquidationPrice());
    }

    @Test
    void aHighMaintenanceTierForcesASmallerSize() {
        LiquidationGuard g = new LiquidationGuard(List.of(
                new LiquidationGuard.Tier(d("10000"), d("0.01"), d("0")),
                new LiquidationGuard.Tier(d("1000000000"), d("0.5"), d("4900"))), d("0.5"));
        // short 1000 @ 100, stop 140, need LP >= 160. Tier 2 at L=1: (100000+4900+100000)/1500 = 136.6 (unsafe).
        // Cut to tier 1's cap: 10000/100 = 100; L=3: 132.01, L=2: 148.51, L=1: 20000/101 = 198.0198...
        LiquidationGuard.Decision dec = g.check(new LiquidationGuard.Proposal(false, d("100"), d("140"), d("1000"), 3));
        assertEquals(LiquidationGuard.Action.REDUCE_SIZE, dec.action());
        assertEquals(1, dec.leverage());
        assertEquals(0, d("100").compareTo(dec.quantity()));
        assertEquals(d("198.01980198"), dec.liquidationPrice());
    }

    @Test
    void aStopOnTheWrongSideIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new LiquidationGuard.Proposal(true, d("60000"), d("61000"), d("1"), 5));
    }
}
