package dev.flof.smc;

import dev.flof.spi.event.Bar;
import dev.flof.spi.market.Timeframe;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Test helper: aggregates contiguous 1-minute bars into the higher timeframes on the UTC calendar and emits
 * every bar in close-time order (a 1m bar, then the higher bars that close with it, lowest first).
 */
public final class UtcAggregator {
    private final List<Timeframe> targets;
    private final Map<Timeframe, Bar> open = new EnumMap<>(Timeframe.class);

    public UtcAggregator(List<Timeframe> targets) {
        this.targets = List.copyOf(targets);
    }

    public void onMinute(Bar m, Consumer<Bar> out) {
        out.accept(m);
        for (Timeframe tf : targets) {
            long start = bucketStart(tf, m.openTime());
            long end = bucketEnd(tf, start);
            Bar a = open.get(tf);
            if (a == null || a.openTime() != start) {
                a = new Bar(m.symbol(), tf, start, end, end, 0, m.open(), m.high(), m.low(), m.close(), m.volume(), 0, 0, 0, m.close());
            } else {
                a = new Bar(m.symbol(), tf, start, end, end, 0, a.open(), Math.max(a.high(), m.high()), Math.min(a.low(), m.low()),
                        m.close(), a.volume() + m.volume(), 0, 0, 0, m.close());
            }
            if (m.tsEvent() == end) {
                out.accept(a);
                open.remove(tf);
            } else {
                open.put(tf, a);
            }
        }
    }

    static long bucketStart(Timeframe tf, long t) {
        if (!tf.calendarBased()) {
            long d = tf.nominal().toNanos();
            return Math.floorDiv(t, d) * d;
        }
        LocalDate day = Instant.ofEpochSecond(Math.floorDiv(t, 1_000_000_000L)).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate s = switch (tf) {
            case D1 -> day;
            case W1 -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            default -> day.withDayOfMonth(1);
        };
        return s.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    static long bucketEnd(Timeframe tf, long start) {
        if (!tf.calendarBased()) {
            return start + tf.nominal().toNanos();
        }
        LocalDate s = Instant.ofEpochSecond(start / 1_000_000_000L).atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate e = switch (tf) {
            case D1 -> s.plusDays(1);
            case W1 -> s.plusWeeks(1);
            default -> s.plusMonths(1);
        };
        return e.atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }
}
