package dev.flof.feeds.replay;

import dev.flof.spi.event.Bar;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.ext.ReplaySourceProvider.ReplayException;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The bad-input policy shared by all replay readers (issue 4, "Bad input"):
 * <ul>
 * <li>events are released in {@code tsRecv} order; an event up to {@code toleranceNs} older than the newest
 * seen is put back in order (counted), an older one stops the replay with a {@link ReplayException};</li>
 * <li>a trade repeating a venue sequence already seen (for the same symbol, among the last 65,536) is
 * dropped and counted;</li>
 * <li>a trade with zero or negative size stops the replay (or, with {@code skipBadSizes}, is counted and
 * skipped);</li>
 * <li>prices off the instrument's tick grid are counted and the first few are listed in the notes;</li>
 * <li>a silence longer than {@code gapNs} between consecutive market events is reported as a gap (not filled).</li>
 * </ul>
 * Ties in {@code tsRecv} keep file order, so the result is a pure function of the file.
 *
 * <p>Events that arrive in order (the usual case) wait in a plain FIFO; only once an event arrives earlier than
 * the newest waiting one does the buffer become a priority queue (until it drains). Both release in
 * ({@code tsRecv}, arrival) order, so the choice changes nothing but the cost.
 */
public final class EventSanitizer {
    private static final int DEDUPE_WINDOW = 65_536;
    private static final int MAX_NOTES = 20;

    private record Pending(Event event, long arrival) {
    }

    private final Path file;
    private final Map<String, Instrument> instruments;
    private final long toleranceNs;
    private final long gapNs;
    private final boolean skipBadSizes;
    private final boolean dedupe;
    private final PriorityQueue<Pending> queue = new PriorityQueue<>((a, b) -> {
        int c = Long.compare(a.event.tsRecv(), b.event.tsRecv());
        return c != 0 ? c : Long.compare(a.arrival, b.arrival);
    });
    /** Waiting events in (tsRecv, arrival) order when {@link #queue} is empty; empty otherwise. */
    private final ArrayDeque<Event> inOrder = new ArrayDeque<>();
    private long inOrderFirstArrival;
    private long inOrderLastRecv = Long.MIN_VALUE;
    // the instrument of the last symbol checked (symbols repeat; forgotten when the instrument map changes)
    private String tickSymbol;
    private Instrument tickInstrument;
    // a price of tickInstrument known to be on its grid: a price equal to it or one tick away is on the grid too
    private boolean gridKnown;
    private long gridPrice;
    private static final long GRID_SAFE = Long.MAX_VALUE / 4;
    private final HashSet<String> seenSeq = new HashSet<>();
    private final ArrayDeque<String> seenOrder = new ArrayDeque<>();
    private final TreeMap<String, Long> counters = new TreeMap<>();
    private final List<String> notes = new ArrayList<>();
    private long arrivals;
    private long maxRecv = Long.MIN_VALUE;
    private long lastReleasedMarketTs = Long.MIN_VALUE;
    private boolean finished;
    private int offTickNotes;
    private int gapNotes;

    /** {@code dedupe}: whether trade sequences are venue sequences (duplicates are then dropped). */
    public EventSanitizer(Path file, Map<String, Instrument> instruments, long toleranceNs, long gapNs, boolean skipBadSizes,
                          boolean dedupe) {
        this.dedupe = dedupe;
        this.file = file;
        this.instruments = instruments;
        this.toleranceNs = toleranceNs;
        this.gapNs = gapNs;
        this.skipBadSizes = skipBadSizes;
    }

    /** Validates and buffers one event read at {@code where} (e.g. {@code "line 12"}). */
    public void offer(Event e, String where) throws ReplayException {
        offer(e, () -> where);
    }

    /** As {@link #offer(Event, String)}, with the location formatted only if an error or a note needs it. */
    public void offer(Event e, Supplier<String> where) throws ReplayException {
        if (e instanceof Trade t) {
            if (t.size() <= 0) {
                if (!skipBadSizes) {
                    throw new ReplayException(file, where.get(), "trade size must be positive, got " + Fixed.format(t.size()));
                }
                count("trades rejected: non-positive size");
                return;
            }
            if (dedupe && t.sequence() != 0) {
                String key = t.symbol() + '#' + t.sequence();
                if (!seenSeq.add(key)) {
                    count("duplicate trades dropped");
                    return;
                }
                seenOrder.addLast(key);
                if (seenOrder.size() > DEDUPE_WINDOW) {
                    seenSeq.remove(seenOrder.removeFirst());
                }
            }
            checkTick(t.symbol(), where, t.price());
        } else if (e instanceof Quote q) {
            if (q.bidPrice() != Fixed.UNDEF) {
                checkTick(q.symbol(), where, q.bidPrice());
            }
            if (q.askPrice() != Fixed.UNDEF) {
                checkTick(q.symbol(), where, q.askPrice());
            }
        } else if (e instanceof Bar b) {
            checkTick(b.symbol(), where, b.open());
            checkTick(b.symbol(), where, b.high());
            checkTick(b.symbol(), where, b.low());
            checkTick(b.symbol(), where, b.close());
        }
        long recv = e.tsRecv();
        if (recv < maxRecv) {
            if (maxRecv - recv > toleranceNs) {
                throw new ReplayException(file, where.get(), "timestamp " + recv + " is " + (maxRecv - recv)
                        + " ns older than an earlier event (" + maxRecv + "), beyond the reorder tolerance of " + toleranceNs + " ns");
            }
            count("events reordered (within tolerance)");
        }
        maxRecv = Math.max(maxRecv, recv);
        long arrival = arrivals++;
        if (queue.isEmpty() && (inOrder.isEmpty() || recv >= inOrderLastRecv)) {
            if (inOrder.isEmpty()) {
                inOrderFirstArrival = arrival;
            }
            inOrder.addLast(e);
            inOrderLastRecv = recv;
            return;
        }
        long a = inOrderFirstArrival;
        for (Event w : inOrder) {
            queue.add(new Pending(w, a++));
        }
        inOrder.clear();
        queue.add(new Pending(e, arrival));
    }

    /** The instrument map changed (a reader registered or replaced an instrument). */
    public void instrumentsChanged() {
        tickSymbol = null;
        tickInstrument = null;
        gridKnown = false;
    }

    private void checkTick(String symbol, Supplier<String> where, long price) {
        Instrument ins;
        if (symbol == tickSymbol && symbol != null) {
            ins = tickInstrument;
        } else {
            ins = instruments.get(symbol);
            tickSymbol = symbol;
            tickInstrument = ins;
            gridKnown = false;
        }
        if (ins == null) {
            return;
        }
        if (gridKnown && Math.abs(price) < GRID_SAFE && Math.abs(gridPrice) < GRID_SAFE
                && (price == gridPrice || Math.abs(price - gridPrice) == ins.tickSize())) {
            gridPrice = price;
            return;
        }
        if (ins.onTickGrid(price)) {
            gridKnown = true;
            gridPrice = price;
            return;
        }
        count("prices off the tick grid");
        if (offTickNotes++ < MAX_NOTES) {
            notes.add(file.getFileName() + " " + where.get() + ": price " + Fixed.format(price) + " is off the tick grid of "
                    + symbol + " (tick " + Fixed.format(ins.tickSize()) + ")");
        }
    }

    /** No more input: everything buffered may be released. */
    public void finish() {
        finished = true;
    }

    /** The next event in replay order, or null when more input is needed (or all is done). */
    public Event poll() {
        Event e;
        boolean fifo = !inOrder.isEmpty();
        if (fifo) {
            e = inOrder.peekFirst();
        } else {
            Pending head = queue.peek();
            if (head == null) {
                return null;
            }
            e = head.event;
        }
        if (!finished && e.tsRecv() > maxRecv - toleranceNs) {
            return null;
        }
        if (fifo) {
            inOrder.pollFirst();
            inOrderFirstArrival++;
        } else {
            queue.poll();
        }
        if (e instanceof Trade || e instanceof Quote || e instanceof Bar) {
            long ts = e instanceof Bar b ? b.openTime() : e.tsEvent();
            if (lastReleasedMarketTs != Long.MIN_VALUE && gapNs > 0 && ts - lastReleasedMarketTs > gapNs) {
                count("gaps");
                if (gapNotes++ < MAX_NOTES) {
                    notes.add(file.getFileName() + ": gap of " + ((ts - lastReleasedMarketTs) / 1_000_000_000L) + " s with no data, from "
                            + java.time.Instant.ofEpochSecond(0, lastReleasedMarketTs) + " to " + java.time.Instant.ofEpochSecond(0, ts));
                }
            }
            lastReleasedMarketTs = Math.max(lastReleasedMarketTs, e instanceof Bar b2 ? b2.tsEvent() : ts);
        }
        return e;
    }

    public void count(String what) {
        counters.merge(what, 1L, Long::sum);
    }

    public void count(String what, long n) {
        counters.merge(what, n, Long::sum);
    }

    public void note(String note) {
        notes.add(note);
    }

    public TreeMap<String, Long> counters() {
        return counters;
    }

    public List<String> notes() {
        return notes;
    }
}
