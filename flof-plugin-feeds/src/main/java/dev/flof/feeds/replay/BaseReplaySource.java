package dev.flof.feeds.replay;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.Params;
import dev.flof.spi.ext.ReplaySourceProvider.ReplayException;
import dev.flof.spi.ext.ReplaySourceProvider.ReplaySource;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Instrument;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Common machinery of the replay readers: a subclass parses raw records and hands them to
 * {@link #offer}; this class orders and checks them ({@link EventSanitizer}), assigns aggressor sides in
 * replay order ({@link AggressorClassifier}, one per symbol) and keeps the counters.
 *
 * <p>Config keys understood by every reader: {@code reorder-tolerance-ms} (default per reader),
 * {@code gap-seconds} (0 = do not report gaps), {@code skip-bad-sizes} (default false: stop on them).
 */
public abstract class BaseReplaySource implements ReplaySource {
    protected final Path file;
    private final EventSanitizer sanitizer;
    private final Map<String, AggressorClassifier> classifiers = new TreeMap<>();
    // the classifier of the last symbol delivered (symbols repeat)
    private String lastSymbol;
    private AggressorClassifier lastClassifier;
    private final Map<String, Instrument> instruments;
    private final List<String> baseNotes = new ArrayList<>();
    private boolean eof;
    private long trades;
    private long quotes;
    private long bars;
    private long others;

    /**
     * @param venueSequences whether trades carry venue sequence numbers (trade ids): duplicates are then dropped
     */
    protected BaseReplaySource(Path file, Params params, List<Instrument> instruments, long defaultToleranceMs,
                               long defaultGapSeconds, boolean venueSequences) {
        this(file, params, instruments, defaultToleranceMs, defaultGapSeconds, venueSequences, false);
    }

    /**
     * @param skipBadSizesDefault default of {@code skip-bad-sizes}: true only for sources known to contain
     *                            zero-size prints (they are then counted, and noted, instead of stopping the run)
     */
    protected BaseReplaySource(Path file, Params params, List<Instrument> instruments, long defaultToleranceMs,
                               long defaultGapSeconds, boolean venueSequences, boolean skipBadSizesDefault) {
        this.file = file;
        TreeMap<String, Instrument> m = new TreeMap<>();
        for (Instrument i : instruments) {
            m.put(i.symbol(), i);
        }
        this.instruments = m;
        long tol = params.integer("reorder-tolerance-ms", defaultToleranceMs);
        long gap = params.integer("gap-seconds", defaultGapSeconds);
        if (tol < 0 || gap < 0) {
            throw new IllegalArgumentException(params.path() + ": reorder-tolerance-ms and gap-seconds must not be negative");
        }
        this.sanitizer = new EventSanitizer(file, m, tol * 1_000_000L, gap * 1_000_000_000L, params.flag("skip-bad-sizes", skipBadSizesDefault), venueSequences);
    }

    /** Registers an instrument found while reading (e.g. from DBN symbol mappings). */
    protected void addInstrument(Instrument i) {
        instruments.put(i.symbol(), i);
        sanitizer.instrumentsChanged();
    }

    /**
     * Reads at least one more raw record and offers what it found; returns false at the end of the file.
     */
    protected abstract boolean readMore() throws IOException;

    protected final void offer(Event e, String where) throws ReplayException {
        sanitizer.offer(e, where);
    }

    /** As {@link #offer(Event, String)}, with the location formatted only if an error or a note needs it. */
    protected final void offer(Event e, Supplier<String> where) throws ReplayException {
        sanitizer.offer(e, where);
    }

    protected final void count(String what) {
        sanitizer.count(what);
    }

    protected final void addNote(String note) {
        baseNotes.add(note);
    }

    protected ReplayException error(String where, String what) {
        return new ReplayException(file, where, what);
    }

    @Override
    public List<Instrument> instruments() {
        return List.copyOf(instruments.values());
    }

    @Override
    public final Event next() throws IOException {
        while (true) {
            Event e = sanitizer.poll();
            if (e != null) {
                return deliver(e);
            }
            if (eof) {
                return null;
            }
            if (!readMore()) {
                eof = true;
                sanitizer.finish();
            }
        }
    }

    private Event deliver(Event e) {
        if (e instanceof Quote q) {
            quotes++;
            classifier(q.symbol()).onQuote(q);
            return q;
        }
        if (e instanceof Trade t) {
            trades++;
            return classifier(t.symbol()).classify(t);
        }
        if (e instanceof Bar) {
            bars++;
        } else {
            others++;
        }
        return e;
    }

    private AggressorClassifier classifier(String symbol) {
        if (symbol != lastSymbol || symbol == null) {
            lastClassifier = classifiers.computeIfAbsent(symbol, s -> new AggressorClassifier());
            lastSymbol = symbol;
        }
        return lastClassifier;
    }

    @Override
    public Map<String, Long> counters() {
        TreeMap<String, Long> c = new TreeMap<>(sanitizer.counters());
        c.put("trades", trades);
        c.put("quotes", quotes);
        c.put("bars", bars);
        if (others > 0) {
            c.put("other events", others);
        }
        Map<AggressorRule, Long> rules = new java.util.EnumMap<>(AggressorRule.class);
        for (AggressorClassifier a : classifiers.values()) {
            a.counts().forEach((k, v) -> rules.merge(k, v, Long::sum));
        }
        rules.forEach((k, v) -> c.put("aggressor side by " + k.name(), v));
        return c;
    }

    @Override
    public List<String> notes() {
        List<String> n = new ArrayList<>(baseNotes);
        n.addAll(sanitizer.notes());
        return n;
    }
}
