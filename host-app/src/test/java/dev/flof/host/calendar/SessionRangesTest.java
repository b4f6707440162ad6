package dev.flof.host.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flof.spi.market.Fixed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionRangesTest {
    private static long t(String iso) {
        return Times.toNanos(Instant.parse(iso));
    }

    private static long p(String px) {
        return Fixed.parse(px);
    }

    @Test
    void rangeIsFinalOnlyAtTheSessionEnd() {
        List<SessionRange> out = new ArrayList<>();
        SessionRanges r = new SessionRanges("ESM4", new CmeGlobexEquityCalendar(), List.of("ny-am", "london"), out::add);
        r.onTrade(t("2024-03-12T06:30:00Z"), p("4990.00")); // 06:30 GMT: before London 07:00 (UK not on DST yet)
        r.onTrade(t("2024-03-12T07:10:00Z"), p("4995.00"));
        r.onTrade(t("2024-03-12T09:59:00Z"), p("4993.00"));
        r.onTrade(t("2024-03-12T13:35:00Z"), p("5000.00"));
        assertEquals(List.of(new SessionRange("ESM4", "london", t("2024-03-12T07:00:00Z"), t("2024-03-12T10:00:00Z"), p("4995.00"), p("4993.00"))), out);
        r.onTrade(t("2024-03-12T14:00:00Z"), p("5010.00"));
        r.onTrade(t("2024-03-12T15:29:59Z"), p("4990.00"));
        assertEquals(p("5010.00"), r.running("ny-am").orElseThrow().high());
        assertEquals(1, out.size(), "NY AM still running");
        r.onTrade(t("2024-03-12T15:31:00Z"), p("5020.00"));
        SessionRange am = out.get(1);
        assertEquals(new SessionRange("ESM4", "ny-am", t("2024-03-12T13:30:00Z"), t("2024-03-12T15:30:00Z"), p("5010.00"), p("4990.00")), am);
        assertEquals(t("2024-03-12T15:30:00Z"), am.knownAt());
        assertTrue(r.running("ny-am").isEmpty());
    }
}
