package dev.flof.feeds.ib;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps FLOF symbols to IB contracts. CME-style futures codes ({@code ESZ6}, {@code MESH27}) are parsed
 * into root, contract month and year; the single-digit year is resolved against the injected clock to
 * the nearest year in {@code [now-1, now+8]}. Roots not in the built-in table, or any symbol at all, can
 * be mapped explicitly.
 */
public final class IbContractResolver {
    /** Exchange, multiplier and currency of a futures root as IB names them. */
    public record FutureRoot(String exchange, String multiplier, String currency) {
    }

    private static final Pattern FUTURE = Pattern.compile("^([A-Z0-9]+?)([FGHJKMNQUVXZ])(\\d{1,2})$");
    private static final String MONTH_CODES = "FGHJKMNQUVXZ";

    private final Map<String, FutureRoot> roots = new TreeMap<>();
    private final Map<String, IbContract> explicit = new TreeMap<>();
    private final LongSupplier clock;

    /** @param clock nanoseconds since the epoch, used only to resolve single-digit contract years */
    public IbContractResolver(LongSupplier clock) {
        this.clock = clock;
        roots.put("ES", new FutureRoot("CME", "50", "USD"));
        roots.put("MES", new FutureRoot("CME", "5", "USD"));
        roots.put("NQ", new FutureRoot("CME", "20", "USD"));
        roots.put("MNQ", new FutureRoot("CME", "2", "USD"));
        roots.put("RTY", new FutureRoot("CME", "50", "USD"));
        roots.put("M2K", new FutureRoot("CME", "5", "USD"));
    }

    /** Adds or replaces a futures root. */
    public IbContractResolver withRoot(String root, FutureRoot spec) {
        roots.put(root, spec);
        return this;
    }

    /** Maps a FLOF symbol to an exact contract, overriding parsing. */
    public IbContractResolver withContract(String flofSymbol, IbContract contract) {
        explicit.put(flofSymbol, contract);
        return this;
    }

    /**
     * @throws IllegalArgumentException naming the symbol when it is neither mapped nor a known futures code
     */
    public IbContract resolve(String symbol) {
        IbContract c = explicit.get(symbol);
        if (c != null) {
            return c;
        }
        Matcher m = FUTURE.matcher(symbol);
        if (!m.matches()) {
            throw new IllegalArgumentException("IB: no contract for symbol '" + symbol
                    + "' (not a futures code like ESZ6 and not mapped explicitly)");
        }
        FutureRoot r = roots.get(m.group(1));
        if (r == null) {
            throw new IllegalArgumentException("IB: unknown futures root '" + m.group(1) + "' in symbol '" + symbol + "'");
        }
        int month = MONTH_CODES.indexOf(m.group(2).charAt(0)) + 1;
        int year = year(m.group(3));
        return IbContract.future(m.group(1), String.format("%04d%02d", year, month), r.exchange(), r.multiplier(),
                r.currency());
    }

    private int year(String digits) {
        if (digits.length() == 2) {
            return 2000 + Integer.parseInt(digits);
        }
        int d = Integer.parseInt(digits);
        int now = Instant.ofEpochSecond(Math.floorDiv(clock.getAsLong(), 1_000_000_000L)).atZone(ZoneOffset.UTC).getYear();
        for (int y = now - 1; y <= now + 8; y++) {
            if (Math.floorMod(y, 10) == d) {
                return y;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
