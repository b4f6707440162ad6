package dev.flof.host.shocklab;

import dev.flof.spi.event.Event;
import dev.flof.spi.event.FeedStatus;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.TimerEvent;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.market.AggressorRule;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.market.Instrument;
import dev.flof.spi.market.Side;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A synthetic market tape for one instrument, built segment by segment: a seeded random walk between fixed
 * anchor prices (so the fills a test computes by hand do not depend on the seed, while the background does),
 * flat stretches, single prints, gaps, spread changes, feed lag and venue/feed status events. Every trade is
 * preceded by the top of book it printed against, so market orders have a book to fill from.
 *
 * <p>Why synthetic: a shock scenario needs the shock at a known time and price relative to a position opened
 * at a known price; real samples are used for nothing the numbers depend on. Same seed, same tape.
 */
public final class ShockTape {
    private final Instrument instrument;
    private final String venue;
    private final SplittableRandom random;
    private final List<Event> events = new ArrayList<>();
    private long lagNanos = 1_000_000L;
    private int spreadTicks = 1;
    private long last = Fixed.UNDEF;
    private long lastTs = Long.MIN_VALUE;
    private Side lastAggressor = Side.BUY;

    public ShockTape(Instrument instrument, long seed) {
        this.instrument = instrument;
        this.venue = instrument.venue();
        this.random = new SplittableRandom(seed);
    }

    public Instrument instrument() {
        return instrument;
    }

    /** Last printed price, or UNDEF before the first print. */
    public long last() {
        return last;
    }

    /** Receive delay added to every market event from now on ({@code tsRecv - tsEvent}). */
    public ShockTape lag(long nanos) {
        this.lagNanos = nanos;
        return this;
    }

    /** Spread of the quotes from now on, in ticks (1 = normal ES). */
    public ShockTape spread(int ticks) {
        this.spreadTicks = ticks;
        return this;
    }

    /** One print at {@code price} with the book it printed against; the aggressor follows the move. */
    public ShockTape print(long ts, long price, long size) {
        if (!instrument.onTickGrid(price)) {
            throw new IllegalArgumentException("price " + Fixed.format(price) + " is off the tick grid of " + instrument.symbol());
        }
        Side aggressor = last == Fixed.UNDEF || price > last ? Side.BUY : price < last ? Side.SELL : lastAggressor;
        lastAggressor = aggressor;
        long tick = instrument.tickSize();
        long bid;
        long ask;
        if (aggressor == Side.BUY) {
            ask = price;
            bid = price - tick * spreadTicks;
        } else {
            bid = price;
            ask = price + tick * spreadTicks;
        }
        events.add(new Quote(instrument.symbol(), ts, ts + lagNanos, 0, bid, size * 4, ask, size * 4));
        events.add(new Trade(instrument.symbol(), ts, ts + lagNanos, 0, price, size, aggressor, AggressorRule.VENUE));
        last = price;
        lastTs = ts;
        return this;
    }

    /** A quote only (no print): spread changes without trades. */
    public ShockTape quote(long ts, long bid, long ask, long size) {
        events.add(new Quote(instrument.symbol(), ts, ts + lagNanos, 0, bid, size, ask, size));
        return this;
    }

    /** Prints at {@code price} every {@code stepNanos} in [from, to). */
    public ShockTape flat(long from, long to, long stepNanos, long price) {
        for (long t = from; t < to; t += stepNanos) {
            print(t, price, unit());
        }
        return this;
    }

    /**
     * A seeded random walk of one print every {@code stepNanos} in [from, to) that starts at the current price
     * (or {@code from}'s anchor) and ends exactly at {@code endPrice}, never leaving [lo, hi]. Each step moves
     * at most one tick, so a stop inside the band is hit at its price, not beyond it.
     */
    public ShockTape walk(long from, long to, long stepNanos, long startPrice, long endPrice, long lo, long hi) {
        long tick = instrument.tickSize();
        long p = startPrice;
        int steps = (int) ((to - from) / stepNanos);
        for (int i = 0; i < steps; i++) {
            long t = from + i * stepNanos;
            int remaining = steps - 1 - i;
            long dist = (endPrice - p) / tick;
            int move;
            if (Math.abs(dist) > remaining) {
                move = Long.signum(dist);
            } else if (remaining == 0) {
                move = (int) Long.signum(dist);
            } else {
                move = random.nextInt(3) - 1;
                if (Math.abs(dist - move) > remaining) {
                    move = (int) Long.signum(dist);
                }
            }
            long next = p + move * tick;
            if (next < lo || next > hi) {
                next = p;
            }
            p = next;
            print(t, p, unit() * (1 + random.nextInt(4)));
        }
        return this;
    }

    /** A straight move of one tick per print from the current price to {@code target}, {@code stepNanos} apart. */
    public ShockTape sweep(long from, long stepNanos, long target) {
        long tick = instrument.tickSize();
        long p = last;
        long t = from;
        while (p != target) {
            p += p < target ? tick : -tick;
            print(t, p, unit());
            t += stepNanos;
        }
        return this;
    }

    /** Prints every {@code stepNanos} from the current price, {@code priceStep} apart (a thin book), until past {@code target}. */
    public ShockTape ladder(long from, long stepNanos, long priceStep, long target) {
        long p = last;
        long t = from;
        long step = target < p ? -Math.abs(priceStep) : Math.abs(priceStep);
        while (step < 0 ? p > target : p < target) {
            p += step;
            if (step < 0 ? p < target : p > target) {
                p = target;
            }
            print(t, p, unit());
            t += stepNanos;
        }
        return this;
    }

    /** The time just after the last print of the tape so far. */
    public long lastTs() {
        return lastTs;
    }

    public ShockTape venueStatus(long ts, VenueStatus.Kind kind, String detail) {
        events.add(new VenueStatus(venue, ts, ts + lagNanos, 0, kind, detail));
        return this;
    }

    public ShockTape feedStatus(long ts, FeedStatus.Kind kind, String detail) {
        events.add(new FeedStatus("synthetic", instrument.symbol(), ts, ts + lagNanos, 0, kind, detail));
        return this;
    }

    /** A timer on the event clock (the runner uses these for scripted steps and heartbeats). */
    public ShockTape timer(String key, long ts) {
        events.add(new TimerEvent(key, ts, ts, 0));
        return this;
    }

    /** One whole lot (1 contract, or the instrument's lot). */
    private long unit() {
        return Math.max(instrument.lotSize(), Fixed.SCALE);
    }

    /**
     * The events in replay order (tsRecv, then insertion), renumbered with a monotonic sequence so that ties
     * never depend on anything but the order the scenario wrote them.
     */
    public List<Event> build() {
        List<Event> sorted = new ArrayList<>(events.size());
        List<Integer> idx = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            idx.add(i);
        }
        idx.sort(Comparator.<Integer>comparingLong(i -> events.get(i).tsRecv()).thenComparingInt(i -> i));
        long seq = 0;
        for (int i : idx) {
            sorted.add(renumber(events.get(i), ++seq));
        }
        return sorted;
    }

    private static Event renumber(Event e, long seq) {
        return switch (e) {
            case Trade t -> new Trade(t.symbol(), t.tsEvent(), t.tsRecv(), seq, t.price(), t.size(), t.aggressor(), t.rule());
            case Quote q -> new Quote(q.symbol(), q.tsEvent(), q.tsRecv(), seq, q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize());
            case VenueStatus v -> new VenueStatus(v.venue(), v.tsEvent(), v.tsRecv(), seq, v.kind(), v.detail());
            case FeedStatus f -> new FeedStatus(f.feedId(), f.symbol(), f.tsEvent(), f.tsRecv(), seq, f.kind(), f.detail());
            case TimerEvent t -> new TimerEvent(t.key(), t.tsEvent(), t.tsRecv(), seq);
            default -> e;
        };
    }
}
