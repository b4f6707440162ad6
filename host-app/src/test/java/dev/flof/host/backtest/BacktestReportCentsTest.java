package dev.flof.host.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The terminal summary shows money in cents, rounded half-even; the files keep the exact amounts. */
class BacktestReportCentsTest {
    @Test
    void amountsAreRoundedHalfEvenToCents() {
        assertEquals("96.78", BacktestReport.cents("96.782500001"));
        assertEquals("100000.00", BacktestReport.cents("100000"));
        assertEquals("0.12", BacktestReport.cents("0.125"), "a tie goes to the even cent");
        assertEquals("0.14", BacktestReport.cents("0.135"));
        assertEquals("-3.22", BacktestReport.cents("-3.2175"));
        assertEquals("n/a", BacktestReport.cents("n/a"), "anything that is not a number is shown as it is");
    }
}
