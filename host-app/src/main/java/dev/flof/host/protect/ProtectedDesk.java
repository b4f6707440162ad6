package dev.flof.host.protect;

import dev.flof.host.calendar.Calendars;
import dev.flof.host.calendar.ExchangeCalendar;
import dev.flof.host.engine.EntryDesk;
import dev.flof.host.journal.Journal;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.MarketProfile;
import dev.flof.spi.market.Side;
import dev.flof.spi.order.Order;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

/**
 * The engine's entry door with the entry protections in front of order management: the ES session policy (no
 * entries in the last minutes before the maintenance break and the weekend close), the news blackout, and for
 * crypto the liquidation guard (leverage cap; liquidation price well beyond the hard stop). A blocked entry never
 * reaches the risk gate; the engine journals the graded setup with the reason this returns
 * ({@code blocked by news blackout CPI 08:30 ET (...)}). Everything else is the wrapped desk's.
 *
 * <p>Why a wrapper: the same door serves backtest, paper and live (the engine knows only {@link EntryDesk}), and
 * the shock lab asks the same {@link #blocked} before its scripted entries. Deterministic; no clock of its own.
 */
public final class ProtectedDesk implements EntryDesk {
    private final EntryDesk inner;
    private final ProtectionSettings settings;
    private final Map<String, Instrument> instruments;
    private final ToIntFunction<String> leverageOf;
    private final Journal journal;
    private final Map<String, ExchangeCalendar> calendars = new TreeMap<>();

    /**
     * @param leverageOf the leverage a crypto symbol trades at (the venue's setting); unused for futures
     * @param journal    counts the blocked entries by protection (may be null)
     */
    public ProtectedDesk(EntryDesk inner, ProtectionSettings settings, Map<String, Instrument> instruments,
                         ToIntFunction<String> leverageOf, Journal journal) {
        this.inner = inner;
        this.settings = settings;
        this.instruments = new TreeMap<>(instruments);
        this.leverageOf = leverageOf;
        this.journal = journal;
    }

    public ProtectionSettings settings() {
        return settings;
    }

    /** The symbols this desk knows, sorted. */
    public java.util.Set<String> symbols() {
        return java.util.Collections.unmodifiableSet(instruments.keySet());
    }

    /**
     * The leverage of a venue's crypto setting as a whole number for the guard (rounded up, at least 1): a
     * configured {@code 2.5} is vetted as 3x, never as less than it is.
     */
    public static int leverage(String decimal) {
        if (decimal == null || decimal.isBlank()) {
            return 1;
        }
        return Math.max(1, new java.math.BigDecimal(decimal.strip()).setScale(0, java.math.RoundingMode.CEILING).intValueExact());
    }

    /**
     * Null when the protections let an entry of {@code symbol} on {@code side} at {@code entryPrice} with its
     * protective stop at {@code stopPrice} go at {@code nowNanos}, else why not, starting with
     * {@code "blocked by "} and the protection's name (session policy, news blackout, liquidation guard).
     */
    public String blocked(String symbol, Side side, long entryPrice, long stopPrice, long nowNanos) {
        Instrument inst = instruments.get(symbol);
        if (inst == null) {
            return null;
        }
        if (inst.profile() == MarketProfile.ES && settings.session() != null) {
            String s = settings.session().entryBlocked(nowNanos, calendar(inst));
            if (s != null) {
                return "blocked by session policy: " + s;
            }
        }
        String n = settings.blackout() == null ? null : settings.blackout().entryBlocked(nowNanos);
        if (n != null) {
            return "blocked by " + n;
        }
        if (inst.profile() == MarketProfile.CRYPTO && settings.liquidation() != null) {
            int leverage = Math.max(1, leverageOf.applyAsInt(symbol));
            // a market entry has no price yet: the cap still applies, the distance is checked when a price is known
            boolean priced = entryPrice != Fixed.UNDEF && entryPrice > 0 && stopPrice > 0;
            String l = priced ? settings.liquidation().vet(side, entryPrice, stopPrice, leverage)
                    : leverage > settings.liquidation().maxLeverage()
                    ? "leverage " + leverage + "x above the cap of " + settings.liquidation().maxLeverage() + "x" : null;
            if (l != null) {
                return "blocked by liquidation guard: " + l;
            }
        }
        return null;
    }

    /** The ES session policy's verdict now: the account should be flat in {@code symbol} (before the weekend close). */
    public boolean mustBeFlat(String symbol, long nowNanos) {
        Instrument inst = instruments.get(symbol);
        return inst != null && inst.profile() == MarketProfile.ES && settings.session() != null
                && settings.session().mustBeFlat(nowNanos, calendar(inst));
    }

    private ExchangeCalendar calendar(Instrument inst) {
        return calendars.computeIfAbsent(inst.symbol(), s -> Calendars.byId(inst.calendarId()));
    }

    @Override
    public String entryBlocked(String symbol) {
        return inner.entryBlocked(symbol);
    }

    @Override
    public boolean busy(String symbol) {
        return inner.busy(symbol);
    }

    @Override
    public String submitEntry(EntryTicket ticket, long nowNanos) {
        Order entry = ticket.bracket().entry();
        long px = entry.limitPrice() != 0 ? entry.limitPrice() : Fixed.UNDEF;
        String why = blocked(ticket.symbol(), ticket.side(), px, ticket.bracket().stop().stopPrice(), nowNanos);
        if (why != null) {
            if (journal != null) {
                int colon = why.indexOf(':');
                String name = why.startsWith("blocked by news blackout") ? "news blackout" : why.substring("blocked by ".length(),
                        colon < 0 ? why.length() : colon);
                journal.count("protect: entries blocked by " + name, 1);
            }
            return why;
        }
        return inner.submitEntry(ticket, nowNanos);
    }

    @Override
    public void cancelUnfilledEntry(String symbol, String reason, long nowNanos) {
        inner.cancelUnfilledEntry(symbol, reason, nowNanos);
    }
}
