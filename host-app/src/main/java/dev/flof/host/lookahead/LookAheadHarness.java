package dev.flof.host.lookahead;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Look-ahead test harness for anything derived from market data (bars, indicators, structure events).
 *
 * <p>Contract: a derived series is free of look-ahead when, for every cut point {@code k}, a fresh
 * computation fed only the first {@code k} events emits exactly the values the full run had emitted with
 * {@code knownAt <= T(k)}, where {@code T(k)} is the latest event time in the prefix. Three checks:
 * <ol>
 * <li><b>stamping</b>: in the full run, every value is emitted at or after its {@code knownAt} (a value is
 * never stamped later than the moment it was produced);</li>
 * <li><b>no future</b>: the prefix run's values equal the full run's values with {@code knownAt <= T(k)},
 * in order (catches values built with data after their {@code knownAt}, e.g. a pivot confirmed later but
 * stamped at the pivot bar, and values that are revised after emission);</li>
 * <li><b>determinism</b>: the prefix run emitted exactly what the full run had emitted after the same
 * {@code k} events.</li>
 * </ol>
 * Values are compared with {@code equals}, so use records (immutable values). The harness is main code so
 * other modules' tests can use it (or copy this contract).
 *
 * @param <E> event type fed in
 * @param <V> value type emitted
 */
public final class LookAheadHarness<E, V> {
    private final String name;
    private final List<E> events;
    private final ToLongFunction<E> eventTime;
    private final ToLongFunction<V> knownAt;
    private final Function<Consumer<V>, Consumer<E>> factory;
    private int cuts = 50;
    private long seed = 1;
    private boolean everyPrefix;

    /**
     * @param factory given a sink for emitted values, builds a fresh computation that consumes events in
     *                order (called once for the full run and once per cut)
     */
    public LookAheadHarness(String name, List<E> events, ToLongFunction<E> eventTime, ToLongFunction<V> knownAt,
                            Function<Consumer<V>, Consumer<E>> factory) {
        this.name = Objects.requireNonNull(name);
        this.events = List.copyOf(events);
        this.eventTime = eventTime;
        this.knownAt = knownAt;
        this.factory = factory;
    }

    /** Number of random cut points (default 50), drawn with {@link #seed} so a failure reproduces. */
    public LookAheadHarness<E, V> randomCuts(int n, long seedValue) {
        this.cuts = n;
        this.seed = seedValue;
        this.everyPrefix = false;
        return this;
    }

    /** Check every prefix (for small inputs). */
    public LookAheadHarness<E, V> everyPrefix() {
        this.everyPrefix = true;
        return this;
    }

    /** What was checked. */
    public record Report(String name, int events, int values, int prefixesChecked, long valuesCompared) {
    }

    /** A look-ahead (or non-determinism) finding, with the cut and the first differing value. */
    public static final class LookAheadViolation extends AssertionError {
        private static final long serialVersionUID = 1L;

        LookAheadViolation(String message) {
            super(message);
        }
    }

    /** Runs the checks; throws {@link LookAheadViolation} on the first finding. */
    public Report run() {
        List<V> full = new ArrayList<>();
        int[] emittedAfter = new int[events.size() + 1];
        long[] timeAfter = new long[events.size() + 1];
        Consumer<E> comp = factory.apply(full::add);
        long t = Long.MIN_VALUE;
        for (int i = 0; i < events.size(); i++) {
            E e = events.get(i);
            t = Math.max(t, eventTime.applyAsLong(e));
            int before = full.size();
            comp.accept(e);
            for (int j = before; j < full.size(); j++) {
                long k = knownAt.applyAsLong(full.get(j));
                if (k > t) {
                    throw new LookAheadViolation(name + ": value emitted at event " + i + " (time " + t + ") claims knownAt " + k
                            + ", in the future: " + full.get(j));
                }
            }
            emittedAfter[i + 1] = full.size();
            timeAfter[i + 1] = t;
        }
        TreeSet<Integer> points = new TreeSet<>();
        if (everyPrefix) {
            for (int k = 1; k < events.size(); k++) {
                points.add(k);
            }
        } else {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < cuts && events.size() > 1; i++) {
                points.add(1 + rnd.nextInt(events.size() - 1));
            }
        }
        long compared = 0;
        for (int k : points) {
            List<V> prefix = new ArrayList<>();
            Consumer<E> c = factory.apply(prefix::add);
            for (int i = 0; i < k; i++) {
                c.accept(events.get(i));
            }
            long tk = timeAfter[k];
            List<V> expected = new ArrayList<>();
            for (V v : full) {
                if (knownAt.applyAsLong(v) <= tk) {
                    expected.add(v);
                }
            }
            compare(k, tk, "values known by then", expected, prefix);
            compare(k, tk, "values emitted after the same events", full.subList(0, emittedAfter[k]), prefix);
            compared += prefix.size();
        }
        return new Report(name, events.size(), full.size(), points.size(), compared);
    }

    private void compare(int k, long tk, String what, List<V> expected, List<V> actual) {
        int n = Math.min(expected.size(), actual.size());
        for (int i = 0; i < n; i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                throw new LookAheadViolation(name + ": prefix of " + k + " events (time " + tk + ") differs from the full run's "
                        + what + " at value " + i + ":\n  full run: " + expected.get(i) + "\n  prefix:   " + actual.get(i));
            }
        }
        if (expected.size() != actual.size()) {
            throw new LookAheadViolation(name + ": prefix of " + k + " events (time " + tk + ") emitted " + actual.size()
                    + " values but the full run's " + what + " are " + expected.size()
                    + (expected.size() > n ? ", first missing: " + expected.get(n) : ", first extra: " + actual.get(n)));
        }
    }
}
