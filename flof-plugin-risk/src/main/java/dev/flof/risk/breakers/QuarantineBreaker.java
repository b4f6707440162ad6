package dev.flof.risk.breakers;

import dev.flof.risk.ParamKeys;
import dev.flof.spi.event.Event;
import dev.flof.spi.event.Quote;
import dev.flof.spi.event.Trade;
import dev.flof.spi.event.VenueStatus;
import dev.flof.spi.ext.CircuitBreaker;
import dev.flof.spi.ext.Params;
import dev.flof.spi.market.Fixed;
import dev.flof.spi.order.OrderCommand;
import dev.flof.spi.risk.BreakerAction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Environmental quarantine (issue 10, protocol 3): an adaptive pause of new entries while the market or the
 * plumbing is abnormal. Open positions keep their protection and exit management (the host cancels unfilled
 * entries on PAUSE). Triggers:
 * <ul>
 *   <li><b>spread</b> at least {@code spreadFactor} (5) × the symbol's baseline spread: the tick
 *       {@code tickSize.<SYMBOL>} when configured (ES 0.25: 1 → ≥ 5 ticks), else the smallest positive spread
 *       seen so far;</li>
 *   <li><b>tape speed</b> (trades per second over the last {@code speedWindowSeconds}, 10) at least
 *       {@code speedFactor} (5) × its baseline (the trades per second of the preceding {@code baselineSeconds},
 *       3600) for longer than {@code speedHoldSeconds} (10); the baseline needs {@code minBaselineSeconds} (300)
 *       of history. Exchange time;</li>
 *   <li><b>feed latency</b>: market data received more than {@code maxFeedLatencyMs} (250) after its exchange
 *       time;</li>
 *   <li><b>venue errors</b>: VenueStatus SERVER_ERROR (5xx) or RATE_LIMITED.</li>
 * </ul>
 * A trigger emits PAUSE once and (re)starts a cooldown of {@code cooldownMinutes} (15). After the cooldown, the
 * first event at which every symbol is back to baseline (spread at most {@code resumeSpreadFactor} (2) × the
 * baseline, speed no longer elevated, latency within the limit) emits RESUME. While paused, every new-exposure
 * command is vetoed.
 */
@org.pf4j.Extension
public final class QuarantineBreaker implements CircuitBreaker {
    public static final String ID = "quarantine";
    static final ParamKeys KEYS = new ParamKeys(
            Set.of("cooldownMinutes", "spreadFactor", "resumeSpreadFactor", "speedFactor", "speedWindowSeconds",
                    "speedHoldSeconds", "baselineSeconds", "minBaselineSeconds", "maxFeedLatencyMs"),
            Set.of("tickSize."));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "pause entries on spread blowout, tape-speed spike, feed latency or venue 5xx/rate limit; resume at baseline";
    }

    @Override
    public Guard create(Params params) {
        KEYS.check(params);
        return new Quarantine(params);
    }

    static final class Quarantine implements Guard {
        private final Params params;
        private final long cooldown;
        private final double spreadFactor;
        private final double resumeSpreadFactor;
        private final double speedFactor;
        private final long speedWindowSec;
        private final long speedHold;
        private final long baselineSec;
        private final long minBaselineSec;
        private final long maxLatency;
        private final Map<String, Sym> symbols = new TreeMap<>();
        // the state of the last symbol seen (symbols repeat; entries are never removed) and a reused action list
        private String lastSymbol;
        private Sym lastSym;
        private final List<BreakerAction> scratch = new ArrayList<>(1);
        private boolean paused;
        private long pausedUntil;
        private String pauseReason;

        Quarantine(Params p) {
            this.params = p;
            this.cooldown = (long) (Guards.positive(p, "cooldownMinutes", 15) * 60 * Guards.SEC);
            this.spreadFactor = Guards.positive(p, "spreadFactor", 5.0);
            this.resumeSpreadFactor = Guards.positive(p, "resumeSpreadFactor", 2.0);
            if (resumeSpreadFactor >= spreadFactor) {
                throw new IllegalArgumentException(p.path() + ".resumeSpreadFactor: must be below spreadFactor ("
                        + resumeSpreadFactor + " >= " + spreadFactor + ")");
            }
            this.speedFactor = Guards.positive(p, "speedFactor", 5.0);
            this.speedWindowSec = (long) Guards.positive(p, "speedWindowSeconds", 10);
            this.speedHold = (long) (Guards.positive(p, "speedHoldSeconds", 10) * Guards.SEC);
            this.baselineSec = (long) Guards.positive(p, "baselineSeconds", 3600);
            this.minBaselineSec = (long) Guards.positive(p, "minBaselineSeconds", 300);
            if (baselineSec <= speedWindowSec) {
                throw new IllegalArgumentException(p.path() + ".baselineSeconds: must exceed speedWindowSeconds");
            }
            this.maxLatency = Guards.millis(p, "maxFeedLatencyMs", 250);
            for (String key : p.values().keySet()) {
                if (key.startsWith("tickSize.")) {
                    Guards.positive(p, key, 1);
                }
            }
        }

        /** Per-symbol state. */
        final class Sym {
            long baseSpread; // fixed-point; 0 = unknown
            final boolean configuredTick;
            boolean spreadWide;
            boolean latencyHigh;
            // tape speed: per-second trade counts, oldest first
            final ArrayDeque<long[]> buckets = new ArrayDeque<>();
            long bucketTotal;
            long firstSec = Long.MIN_VALUE;
            long elevatedSince = Long.MIN_VALUE;
            // the speed-window count of the last trade and its second: a trade in the same second adds one
            long recentSec = Long.MIN_VALUE;
            long recent;

            Sym(String symbol) {
                String key = "tickSize." + symbol;
                configuredTick = params.values().containsKey(key);
                baseSpread = configuredTick ? Fixed.of(java.math.BigDecimal.valueOf(params.decimal(key, 0))) : 0;
            }

            boolean elevated() {
                return elevatedSince != Long.MIN_VALUE;
            }
        }

        @Override
        public String vet(OrderCommand command, long now) {
            if (command == null || !command.addsExposure()) {
                return null;
            }
            return paused ? "quarantine: entries paused (" + pauseReason + ") at least until " + Guards.time(pausedUntil) : null;
        }

        @Override
        public List<BreakerAction> onEvent(Event e) {
            List<BreakerAction> out = scratch;
            out.clear();
            if (Guards.isMarketData(e)) {
                String symbol = Guards.symbolOf(e);
                Sym s;
                if (symbol == lastSymbol && symbol != null) {
                    s = lastSym;
                } else {
                    s = symbols.computeIfAbsent(symbol, Sym::new);
                    lastSymbol = symbol;
                    lastSym = s;
                }
                long lag = e.tsRecv() - e.tsEvent();
                s.latencyHigh = lag > maxLatency;
                if (s.latencyHigh) {
                    trigger(Guards.symbolOf(e) + " feed latency " + lag / Guards.MS + " ms above " + maxLatency / Guards.MS + " ms", e, out);
                }
                if (e instanceof Quote q) {
                    onQuote(s, q, out);
                } else if (e instanceof Trade t) {
                    onTrade(s, t, out);
                }
            } else if (e instanceof VenueStatus v
                    && (v.kind() == VenueStatus.Kind.SERVER_ERROR || v.kind() == VenueStatus.Kind.RATE_LIMITED)) {
                trigger("venue " + v.venue() + " " + v.kind() + (v.detail() == null || v.detail().isBlank() ? "" : " (" + v.detail() + ")"), e, out);
            }
            if (paused && e.tsRecv() >= pausedUntil && calm(Math.floorDiv(e.tsEvent(), Guards.SEC))) {
                paused = false;
                out.add(new BreakerAction(BreakerAction.Kind.RESUME, ID, "cooldown over and spread, tape speed and latency back to baseline"
                        + " (paused for: " + pauseReason + ")", e.tsEvent()));
            }
            return out.isEmpty() ? List.of() : List.copyOf(out);
        }

        private void onQuote(Sym s, Quote q, List<BreakerAction> out) {
            if (!q.twoSided()) {
                return;
            }
            long spread = q.spread();
            if (spread > 0 && !s.configuredTick && (s.baseSpread == 0 || spread < s.baseSpread)) {
                s.baseSpread = spread;
            }
            if (s.baseSpread == 0) {
                return;
            }
            double ratio = (double) spread / s.baseSpread;
            if (ratio >= spreadFactor) {
                s.spreadWide = true;
                trigger(q.symbol() + " spread " + Fixed.format(spread) + " = " + String.format(java.util.Locale.ROOT, "%.1f", ratio)
                        + " x baseline " + Fixed.format(s.baseSpread), q, out);
            } else if (ratio <= resumeSpreadFactor) {
                s.spreadWide = false;
            }
        }

        private void onTrade(Sym s, Trade t, List<BreakerAction> out) {
            long sec = Math.floorDiv(t.tsEvent(), Guards.SEC);
            if (s.firstSec == Long.MIN_VALUE) {
                s.firstSec = sec;
            }
            long[] last = s.buckets.peekLast();
            boolean sameSecond = last != null && last[0] == sec;
            if (sameSecond) {
                last[1]++;
            } else if (last == null || sec > last[0]) {
                s.buckets.addLast(new long[] {sec, 1});
            } else {
                last[1]++; // out-of-order print within the window: count it in the newest bucket
            }
            s.bucketTotal++;
            while (!s.buckets.isEmpty() && s.buckets.peekFirst()[0] <= sec - baselineSec) {
                s.bucketTotal -= s.buckets.pollFirst()[1];
            }
            long recent = 0;
            if (sameSecond && s.recentSec == sec) {
                // only the newest bucket (this second, inside the window) changed since the last count
                recent = s.recent + 1;
            } else {
                for (var it = s.buckets.descendingIterator(); it.hasNext(); ) {
                    long[] b = it.next();
                    if (b[0] <= sec - speedWindowSec) {
                        break;
                    }
                    recent += b[1];
                }
            }
            s.recentSec = sec;
            s.recent = recent;
            long history = Math.min(sec - s.firstSec + 1, baselineSec) - speedWindowSec;
            if (sec - s.firstSec < minBaselineSec || history <= 0) {
                return;
            }
            double baseline = (double) (s.bucketTotal - recent) / history;
            double speed = (double) recent / speedWindowSec;
            if (baseline > 0 && speed >= speedFactor * baseline) {
                if (s.elevatedSince == Long.MIN_VALUE) {
                    s.elevatedSince = t.tsEvent();
                } else if (t.tsEvent() - s.elevatedSince > speedHold) {
                    trigger(t.symbol() + String.format(java.util.Locale.ROOT, " tape speed %.2f/s = %.1f x baseline %.3f/s for %d s",
                            speed, speed / baseline, baseline, (t.tsEvent() - s.elevatedSince) / Guards.SEC), t, out);
                }
            } else {
                s.elevatedSince = Long.MIN_VALUE;
            }
        }

        /** Every symbol at baseline; a tape that went quiet for a whole speed window is no longer elevated. */
        private boolean calm(long nowSec) {
            for (Sym s : symbols.values()) {
                long[] last = s.buckets.peekLast();
                if (s.elevated() && last != null && nowSec - last[0] >= speedWindowSec) {
                    s.elevatedSince = Long.MIN_VALUE;
                }
                if (s.spreadWide || s.latencyHigh || s.elevated()) {
                    return false;
                }
            }
            return true;
        }

        private void trigger(String reason, Event e, List<BreakerAction> out) {
            pausedUntil = Math.max(pausedUntil, e.tsRecv() + cooldown);
            if (!paused) {
                paused = true;
                pauseReason = reason;
                out.add(new BreakerAction(BreakerAction.Kind.PAUSE, ID, reason + "; cooldown until " + Guards.time(pausedUntil), e.tsEvent()));
            }
        }
    }
}
