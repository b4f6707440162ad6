package dev.flof.spi.market;

import java.time.Duration;

/** Bar timeframes of the multi-timeframe matrix, from the 1-minute execution chart to the monthly. */
public enum Timeframe {
    M1("1m", Duration.ofMinutes(1)),
    M3("3m", Duration.ofMinutes(3)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1H", Duration.ofHours(1)),
    H4("4H", Duration.ofHours(4)),
    /** One trading day, anchored on the calendar's trading-day roll. */
    D1("1D", Duration.ofDays(1)),
    /** One trading week. */
    W1("1W", Duration.ofDays(7)),
    /** One calendar month of trading days; its duration is nominal. */
    MN1("1M", Duration.ofDays(31));

    private final String label;
    private final Duration nominal;

    Timeframe(String label, Duration nominal) {
        this.label = label;
        this.nominal = nominal;
    }

    /** Short label as traders write it: 1m, 5m, 1H, 4H, 1D, 1W, 1M. */
    public String label() {
        return label;
    }

    /** Nominal length; exact for intraday timeframes, indicative for D1/W1/MN1. */
    public Duration nominal() {
        return nominal;
    }

    /** Whether bars of this timeframe are cut on the trading calendar rather than a fixed clock grid. */
    public boolean calendarBased() {
        return ordinal() >= D1.ordinal();
    }

    public static Timeframe ofLabel(String label) {
        for (Timeframe t : values()) {
            if (t.label.equals(label)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown timeframe '" + label + "' (expected one of 1m,3m,5m,15m,1H,4H,1D,1W,1M)");
    }
}
